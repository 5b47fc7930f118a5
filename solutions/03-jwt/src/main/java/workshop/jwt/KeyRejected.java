package workshop.jwt;

/** A key is too weak or unsuitable for the algorithm; the message says what to use instead. */
public class KeyRejected extends IllegalArgumentException {
    public KeyRejected(String message) {
        super(message);
    }
}
