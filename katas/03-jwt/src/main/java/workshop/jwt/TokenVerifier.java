package workshop.jwt;

import java.time.Clock;
import java.time.Duration;
import javax.crypto.SecretKey;

/** Verifies access tokens with jjwt: allowed algorithm, typ at+jwt, signature, iss, aud, exp/nbf with a small skew. */
public final class TokenVerifier {

    /** Tokens longer than this are refused before parsing. */
    public static final int MAX_TOKEN_CHARS = 8 * 1024;
    /**
     * The largest clock skew a verifier accepts. RFC 7519 4.1.4/4.1.5 allow "some small leeway, usually no more than a
     * few minutes"; the kit is stricter because every second of leeway lengthens every token's life (a stolen one's too),
     * while clocks kept by NTP differ by far less than a second: with 5-minute access tokens, a 5-minute skew would
     * double their life.
     */
    public static final Duration MAX_SKEW = Duration.ofSeconds(60);
    /** The deepest JSON nesting a header or payload may have; real tokens are a few flat objects. */
    public static final int MAX_JSON_DEPTH = 64;
    /**
     * The largest NumericDate ({@code exp}, {@code nbf}, {@code iat}) a verifier accepts: 9999-12-31T23:59:59Z. Kit policy:
     * RFC 7519 2 sets no limit, but a larger value overflows millisecond arithmetic ({@code seconds * 1000} in a
     * {@code long}) and can wrap into the past or the far future. Negative values are refused too.
     */
    public static final long MAX_NUMERIC_DATE = 253_402_300_799L;
    /** The {@code typ} header of an access token (RFC 9068 2.1); {@code application/at+jwt} is the same type. */
    public static final String ACCESS_TOKEN_TYPE = "at+jwt";

    private TokenVerifier() {
    }

    /**
     * J12 · a verifier for HMAC tokens signed with {@code key}. J15 · IllegalArgumentException for a skew outside
     * 0 … {@link #MAX_SKEW}.
     */
    public static TokenVerifier hmac(SecretKey key, String issuer, String audience, Clock clock, Duration skew) {
        throw new UnsupportedOperationException("J12 · an HMAC verifier with jjwt — see notebooks/03-jwt.ipynb, J12");
    }

    /**
     * J18 · a verifier for RS256/ES256 tokens whose public key is published in a JWKS, chosen by kid. J22 · the token's
     * alg must be its key's one algorithm (ALGORITHM_NOT_ALLOWED); keys come only from the JWKS.
     */
    public static TokenVerifier withJwks(JwksKeys keys, String issuer, String audience, Clock clock, Duration skew) {
        throw new UnsupportedOperationException("J18 · a verifier with JWKS keys — see notebooks/03-jwt.ipynb, J18");
    }

    /**
     * J12 · the verified token, or TokenRejected with the reason: WRONG_ISSUER, WRONG_AUDIENCE, BAD_SIGNATURE,
     * MALFORMED (garbage, no exp). J13 · TokenPrecheck and the allow-list (ALGORITHM_NOT_ALLOWED) before jjwt.
     * J14 · WRONG_TYPE unless typ is at+jwt. J15 · EXPIRED (now not before exp + skew), NOT_YET_VALID.
     * J16 · MALFORMED for an exp, nbf or iat that is not a JSON number in range. J17 · MALFORMED for JSON nested deeper
     * than {@link #MAX_JSON_DEPTH}.
     */
    public VerifiedToken verify(String token) {
        throw new UnsupportedOperationException("J12 · verify with jjwt — see notebooks/03-jwt.ipynb, J12");
    }
}
