package workshop.jwt;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The {@code crit} header (RFC 7515 4.1.11): extensions the recipient MUST understand, or refuse the token. */
final class CriticalHeader {

    /** The header parameters RFC 7515 4.1 registers for JWS: never allowed in {@code crit}. */
    private static final Set<String> REGISTERED = Set.of("alg", "jku", "jwk", "kid", "x5u", "x5c", "x5t", "x5t#S256", "typ",
            "cty", "crit");

    private CriticalHeader() {
    }

    /**
     * Refuses any {@code crit}: this verifier implements no extension. A malformed one (not a non-empty array of
     * distinct strings, a registered name, a name absent from the header) is MALFORMED; a well-formed one names an
     * extension we do not understand, so it is UNSUPPORTED_CRITICAL. Either way the token is invalid.
     */
    static void requireNone(Map<String, Object> header) {
        if (!header.containsKey("crit")) {
            return;
        }
        Object crit = header.get("crit");
        if (!(crit instanceof List<?> names) || names.isEmpty()) {
            throw new TokenRejected(TokenRejected.Reason.MALFORMED, "crit " + Untrusted.quote(crit)
                    + " is not a non-empty JSON array of header names (RFC 7515 4.1.11 forbids [] too)");
        }
        Set<String> seen = new HashSet<>();
        for (Object name : names) {
            if (!(name instanceof String text)) {
                throw new TokenRejected(TokenRejected.Reason.MALFORMED, "crit holds " + Untrusted.quote(name)
                        + ", not a header name (RFC 7515 4.1.11: an array of strings)");
            }
            if (REGISTERED.contains(text)) {
                throw new TokenRejected(TokenRejected.Reason.MALFORMED, "crit names " + Untrusted.quote(text)
                        + ", a parameter RFC 7515 itself defines: crit lists extensions only (4.1.11)");
            }
            if (!header.containsKey(text)) {
                throw new TokenRejected(TokenRejected.Reason.MALFORMED, "crit names " + Untrusted.quote(text)
                        + ", but the header has no such parameter (RFC 7515 4.1.11)");
            }
            if (!seen.add(text)) {
                throw new TokenRejected(TokenRejected.Reason.MALFORMED, "crit names " + Untrusted.quote(text) + " twice");
            }
        }
        throw new TokenRejected(TokenRejected.Reason.UNSUPPORTED_CRITICAL, "crit " + Untrusted.quote(names)
                + ": the issuer says the token is valid only to a recipient that implements these extensions, and this "
                + "verifier implements none; RFC 7515 4.1.11 says such a token MUST be refused");
    }
}
