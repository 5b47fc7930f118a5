package workshop.attacks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Blue team: the bank's CSRF defence (OWASP Cross-Site Request Forgery Prevention cheat sheet) — a token bound to the
 * session, checked in constant time, plus a Fetch Metadata / {@code Origin} check and no state change by GET.
 */
public final class CsrfGuard {

    private final byte[] key;
    private final String origin;

    /**
     * @param key    the server's secret for tokens (at least 32 random bytes, from configuration)
     * @param origin the bank's own origin, e.g. {@code http://127.0.0.1:40123}
     */
    public CsrfGuard(byte[] key, String origin) {
        this.key = key.clone();
        this.origin = origin;
    }

    /** A14 · the token for this session ID, to put in the bank's own forms: base64url, unguessable without the key. */
    public String tokenFor(String sessionId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(sessionId));
    }

    /**
     * A14 · returns if the state-changing request may go ahead, else throws CsrfRefused: UNSAFE_METHOD (not POST);
     * CROSS_SITE ({@code Sec-Fetch-Site} present and not {@code same-origin} or {@code none}); FOREIGN_ORIGIN (no
     * {@code Sec-Fetch-Site}, an {@code Origin} that is not the bank's); MISSING_TOKEN / BAD_TOKEN (a request with a
     * session whose {@code csrf} field is absent / not {@link #tokenFor} that session).
     */
    public void check(IncomingRequest request) {
        if (!"POST".equals(request.method())) {
            throw new CsrfRefused(CsrfRefused.Reason.UNSAFE_METHOD, request.method() + " is a safe method (RFC 9110"
                    + " 9.2.1): it must not change state");
        }
        Optional<String> site = request.header("Sec-Fetch-Site");
        if (site.isPresent()) {
            if (!site.get().equals("same-origin") && !site.get().equals("none")) {
                throw new CsrfRefused(CsrfRefused.Reason.CROSS_SITE, "Sec-Fetch-Site: " + site.get());
            }
        } else {
            Optional<String> from = request.header("Origin");
            if (from.isPresent() && !from.get().equals(origin)) {
                throw new CsrfRefused(CsrfRefused.Reason.FOREIGN_ORIGIN, "Origin: " + from.get());
            }
        }
        if (request.session().isPresent()) {
            String sent = request.form().get("csrf");
            if (sent == null || sent.isEmpty()) {
                throw new CsrfRefused(CsrfRefused.Reason.MISSING_TOKEN, "no csrf field");
            }
            byte[] expected = tokenFor(request.session().get()).getBytes(StandardCharsets.US_ASCII);
            if (!MessageDigest.isEqual(expected, sent.getBytes(StandardCharsets.US_ASCII))) {
                throw new CsrfRefused(CsrfRefused.Reason.BAD_TOKEN, "the csrf field is not this session's token");
            }
        }
    }

    private byte[] hmac(String sessionId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(("csrf:" + sessionId).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
