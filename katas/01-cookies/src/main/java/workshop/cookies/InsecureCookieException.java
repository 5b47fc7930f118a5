package workshop.cookies;

/** A {@code Set-Cookie} header that {@link SetCookieBuilder#build()} refuses to write, with the reason and the fix. */
public final class InsecureCookieException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InsecureCookieException(String message) {
        super(message);
    }
}
