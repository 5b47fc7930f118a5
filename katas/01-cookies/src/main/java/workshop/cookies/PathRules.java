package workshop.cookies;

/** Default paths and path matching (RFC 6265 sections 5.1.4). */
public final class PathRules {

    private PathRules() {
    }

    /**
     * C7 · the path a cookie gets when the server sends no usable {@code Path}: the request path up to,
     * not including, its last {@code /} — or {@code /} if that leaves nothing ({@code /a/b/c} → {@code /a/b},
     * {@code /a} → {@code /}).
     */
    public static String defaultPath(String requestPath) {
        throw new UnsupportedOperationException("C7 · default path — see notebooks/01-cookies.ipynb, C7");
    }

    /**
     * C8 · whether a request for {@code requestPath} carries a cookie with {@code cookiePath}: equal, or
     * the cookie path is a prefix that ends with {@code /} or is followed by {@code /} in the request path
     * ({@code /login} matches {@code /login/en}, not {@code /loginfoo}).
     */
    public static boolean pathMatches(String requestPath, String cookiePath) {
        throw new UnsupportedOperationException("C8 · path matching — see notebooks/01-cookies.ipynb, C8");
    }
}
