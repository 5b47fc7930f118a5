package workshop.jwt;

/** A claim would put a secret into a payload that anyone holding the token can read. */
public class SecretInPayload extends IllegalArgumentException {
    public SecretInPayload(String message) {
        super(message);
    }
}
