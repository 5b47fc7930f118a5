package workshop.jwt;

/** A request would carry the bearer token to another origin than the configured one (RFC 6750 5.3); nothing was sent. */
public class ForeignOrigin extends IllegalArgumentException {
    public ForeignOrigin(String message) {
        super(message);
    }
}
