package workshop.attacks;

/**
 * Blue team: the bank's CSRF defence (OWASP Cross-Site Request Forgery Prevention cheat sheet) — a token bound to the
 * session, checked in constant time, plus a Fetch Metadata / {@code Origin} check and no state change by GET.
 */
public final class CsrfGuard {

    /**
     * @param key    the server's secret for tokens (at least 32 random bytes, from configuration)
     * @param origin the bank's own origin, e.g. {@code http://127.0.0.1:40123}
     */
    public CsrfGuard(byte[] key, String origin) {
    }

    /** A14 · the token for this session ID, to put in the bank's own forms: base64url, unguessable without the key. */
    public String tokenFor(String sessionId) {
        throw new UnsupportedOperationException("A14 · a token bound to the session — see notebooks/04-attacks.ipynb, A14");
    }

    /**
     * A14 · returns if the state-changing request may go ahead, else throws CsrfRefused: UNSAFE_METHOD (not POST);
     * CROSS_SITE ({@code Sec-Fetch-Site} present and not {@code same-origin} or {@code none}); FOREIGN_ORIGIN (no
     * {@code Sec-Fetch-Site}, an {@code Origin} that is not the bank's); MISSING_TOKEN / BAD_TOKEN (a request with a
     * session whose {@code csrf} field is absent / not {@link #tokenFor} that session).
     */
    public void check(IncomingRequest request) {
        throw new UnsupportedOperationException("A14 · check where the request came from — see notebooks/04-attacks.ipynb, A14");
    }
}
