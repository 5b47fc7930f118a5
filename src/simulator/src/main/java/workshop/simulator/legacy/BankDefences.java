package workshop.simulator.legacy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * What a {@link LegacyBank} runs with: each hook left empty is the legacy behaviour (ATTACK DEMO). Build with
 * {@link #legacy()} and the {@code with…} methods; a defence plugs its own code into the hooks.
 *
 * @param csrfToken     the CSRF token for a session ID, written into the bank's own forms ({@code csrf} field)
 * @param csrfCheck     checks every state-changing request: empty to allow it, else the reason to refuse it (403)
 * @param escaper       writes the search query into the results page (legacy: as it is, a reflected XSS)
 * @param sessionCookie the {@code Set-Cookie} value for a new session ID (legacy:
 *                      {@code session=<id>; Path=/; SameSite=None; Secure})
 * @param signInCookies more {@code Set-Cookie} values sent at sign-in for the new session ID (a CSRF scheme's own
 *                      cookies, e.g. a {@link CsrfFlaw})
 */
public record BankDefences(Optional<Function<String, String>> csrfToken,
                           Optional<Function<BankRequest, Optional<String>>> csrfCheck,
                           Optional<UnaryOperator<String>> escaper,
                           Optional<Function<String, String>> sessionCookie,
                           Optional<Function<String, List<String>>> signInCookies) {

    /** No defence at all: the bank as it was found. */
    public static BankDefences legacy() {
        return new BankDefences(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** A CSRF defence: the token for the bank's own forms, and the check of every state-changing request. */
    public BankDefences withCsrf(Function<String, String> token, Function<BankRequest, Optional<String>> check) {
        return new BankDefences(Optional.of(token), Optional.of(check), escaper, sessionCookie, signInCookies);
    }

    /** Output encoding for the search page. */
    public BankDefences withEscaper(UnaryOperator<String> escape) {
        return new BankDefences(csrfToken, csrfCheck, Optional.of(escape), sessionCookie, signInCookies);
    }

    /** The session cookie's {@code Set-Cookie} value for a session ID (its name is the text before {@code =}). */
    public BankDefences withSessionCookie(Function<String, String> line) {
        return new BankDefences(csrfToken, csrfCheck, escaper, Optional.of(Objects.requireNonNull(line)),
                signInCookies);
    }

    /** More {@code Set-Cookie} values for a new session ID, sent at sign-in after the session cookie. */
    public BankDefences withSignInCookies(Function<String, List<String>> lines) {
        return new BankDefences(csrfToken, csrfCheck, escaper, sessionCookie, Optional.of(Objects.requireNonNull(lines)));
    }
}
