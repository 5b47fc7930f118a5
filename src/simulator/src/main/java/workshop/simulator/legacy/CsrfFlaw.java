package workshop.simulator.legacy;

/**
 * ATTACK DEMO — the CSRF checks the legacy bank tried before a real one, each broken in a way that public labs teach
 * (OWASP CSRF Prevention cheat sheet; PortSwigger Web Security Academy, CSRF; OWASP WebGoat, "CSRF and content-type").
 * Select one with {@link LegacyBank#flawedCsrf(CsrfFlaw)}. Never copy these checks.
 */
public enum CsrfFlaw {
    /**
     * Naive double-submit: sign-in sets a random {@code csrf} cookie, the bank's forms carry the same value, and the
     * check only compares the {@code csrf} cookie with the {@code csrf} field. Whoever can write a cookie for the
     * bank's host (a page on the same site, e.g. another port) picks both.
     */
    NAIVE_DOUBLE_SUBMIT,
    /**
     * A token tied to a non-session cookie: sign-in sets {@code csrfKey}, the token is an HMAC of that key, and the
     * check verifies the pair — but never asks whose session the key belongs to. The attacker's own key and token
     * work in the victim's session once the key is planted in the victim's browser.
     */
    TOKEN_TIED_TO_OTHER_COOKIE,
    /**
     * The JSON API ({@code POST /api/transfer}) is left unchecked because "a form cannot send JSON" — and the endpoint
     * parses any body as JSON, whatever its {@code Content-Type}: a {@code text/plain} form can write that body.
     */
    JSON_ANY_CONTENT_TYPE,
    /**
     * The session cookie is {@code SameSite=Lax} and the check refuses every GET — but the framework turns
     * {@code GET /transfer?_method=POST} into a POST before the check runs, and Lax cookies ride on top-level GETs.
     */
    METHOD_OVERRIDE,
    /** The {@code Referer} must name the bank's origin — when there is one; a request without it passes. */
    REFERER_IF_PRESENT,
    /** The {@code Referer} must <em>contain</em> the bank's host and port — anywhere, its query string too. */
    REFERER_CONTAINS_HOST
}
