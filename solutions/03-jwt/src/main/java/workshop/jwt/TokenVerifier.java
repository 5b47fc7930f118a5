package workshop.jwt;

import static workshop.jwt.TokenRejected.Reason.ALGORITHM_NOT_ALLOWED;
import static workshop.jwt.TokenRejected.Reason.BAD_SIGNATURE;
import static workshop.jwt.TokenRejected.Reason.EXPIRED;
import static workshop.jwt.TokenRejected.Reason.MALFORMED;
import static workshop.jwt.TokenRejected.Reason.NOT_YET_VALID;
import static workshop.jwt.TokenRejected.Reason.UNKNOWN_KEY;
import static workshop.jwt.TokenRejected.Reason.WRONG_AUDIENCE;
import static workshop.jwt.TokenRejected.Reason.WRONG_ISSUER;
import static workshop.jwt.TokenRejected.Reason.WRONG_TYPE;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.InvalidClaimException;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.Locator;
import io.jsonwebtoken.PrematureJwtException;
import io.jsonwebtoken.ProtectedHeader;
import io.jsonwebtoken.io.Deserializer;
import io.jsonwebtoken.jackson.io.JacksonDeserializer;
import io.jsonwebtoken.security.SecurityException;
import java.math.BigDecimal;
import java.io.Reader;
import java.math.BigInteger;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.Map;
import java.util.Set;
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

    private final Set<String> allowedAlgorithms;
    private final JwtParser parser;
    private final RecordingDeserializer json = new RecordingDeserializer(new JacksonDeserializer<>(Json.newMapper()));
    private final Clock clock;
    private final Duration skew;

    private TokenVerifier(Set<String> allowedAlgorithms, Locator<Key> keys, String issuer, String audience, Clock clock, Duration skew) {
        if (skew.isNegative() || skew.compareTo(MAX_SKEW) > 0) {
            throw new IllegalArgumentException("The clock skew must be between 0 and " + MAX_SKEW.toSeconds()
                    + " seconds (kit policy; RFC 7519 4.1.4 allows a few minutes), got " + skew.toSeconds()
                    + ": a large skew silently lengthens every token's life.");
        }
        this.allowedAlgorithms = allowedAlgorithms;
        this.clock = clock;
        this.skew = skew;
        this.parser = Jwts.parser()
                .keyLocator(keys)
                .requireIssuer(issuer)
                .requireAudience(audience)
                .clock(() -> Date.from(clock.instant()))
                .clockSkewSeconds(skew.toSeconds())
                // jjwt's own Jackson mapper has Jackson's default depth limit (1000); use the kit's.
                .json(json)
                .build();
    }

    /**
     * J12 · a verifier for HMAC tokens signed with {@code key}. J15 · IllegalArgumentException for a skew outside
     * 0 … {@link #MAX_SKEW}.
     */
    public static TokenVerifier hmac(SecretKey key, String issuer, String audience, Clock clock, Duration skew) {
        int bits = key.getEncoded().length * 8;
        // The one algorithm this key is for, as jjwt's signWith(key) picks it.
        String alg = bits >= 512 ? "HS512" : bits >= 384 ? "HS384" : "HS256";
        KeyRules.requireHmacKey(key.getEncoded(), alg);
        return new TokenVerifier(Set.of(alg), header -> key, issuer, audience, clock, skew);
    }

    /**
     * J18 · a verifier for RS256/ES256 tokens whose public key is published in a JWKS, chosen by kid. J22 · the token's
     * alg must be its key's one algorithm (ALGORITHM_NOT_ALLOWED); keys come only from the JWKS.
     */
    public static TokenVerifier withJwks(JwksKeys keys, String issuer, String audience, Clock clock, Duration skew) {
        // The kid chooses the key, and the key's published algorithm must be the token's alg (one algorithm per key).
        Locator<Key> byKid = header -> keys.keyFor(header instanceof ProtectedHeader ph ? ph.getKeyId() : null, header.getAlgorithm());
        return new TokenVerifier(Set.of("RS256", "ES256"), byKid, issuer, audience, clock, skew);
    }

    /**
     * J12 · the verified token, or TokenRejected with the reason: WRONG_ISSUER, WRONG_AUDIENCE, BAD_SIGNATURE,
     * MALFORMED (garbage, no exp). J13 · TokenPrecheck and the allow-list (ALGORITHM_NOT_ALLOWED) before jjwt.
     * J14 · WRONG_TYPE unless typ is at+jwt. J15 · EXPIRED (now not before exp + skew), NOT_YET_VALID.
     * J16 · MALFORMED for an exp, nbf or iat that is not a JSON number in range. J17 · MALFORMED for JSON nested deeper
     * than {@link #MAX_JSON_DEPTH}.
     */
    public VerifiedToken verify(String token) {
        // J13: size, shape, signature spelling, zip and crit (TokenPrecheck, J4 and J5) before jjwt, which would inflate
        // a signed zip bomb, accept "crit":[] and null, and read every spelling of a signature.
        Map<String, Object> header = TokenPrecheck.check(token, MAX_TOKEN_CHARS);
        Object alg = header.get("alg");
        if (!(alg instanceof String name) || !allowedAlgorithms.contains(name)) {
            throw new TokenRejected(ALGORITHM_NOT_ALLOWED, "alg " + (alg == null ? "is missing" : Untrusted.quote(alg))
                    + "; this verifier accepts only " + allowedAlgorithms);
        }
        requireAccessTokenType(header.get("typ"));
        Claims claims;
        Instant exp;
        Instant nbf;
        Instant iat;
        try {
            claims = parse(token);
            // The raw JSON types of exp, nbf and iat, as jjwt's own parse read them: jjwt accepts "1700000000" (a
            // string), and exp * 1000 overflows a long for huge values, which it then compares as some other date.
            Map<String, ?> rawClaims = json.payload();
            exp = numericDate(rawClaims, Claims.EXPIRATION);
            nbf = numericDate(rawClaims, Claims.NOT_BEFORE);
            iat = numericDate(rawClaims, Claims.ISSUED_AT);
        } finally {
            json.forget();
        }
        if (exp == null) {
            throw new TokenRejected(MALFORMED, "no exp: an access token that never expires is refused (RFC 9068 2.2 requires exp)");
        }
        Instant now = clock.instant();
        // RFC 7519 4.1.4: now must be BEFORE exp; jjwt also accepts exp == now (to the millisecond).
        if (!now.isBefore(exp.plus(skew))) {
            throw new TokenRejected(EXPIRED, "expired at " + exp + ", now is " + now + " (skew " + skew.toSeconds() + " s)");
        }
        if (nbf != null && now.plus(skew).isBefore(nbf)) {
            throw new TokenRejected(NOT_YET_VALID, "not before " + nbf + ", now is " + now + " (skew " + skew.toSeconds() + " s)");
        }
        return new VerifiedToken(claims.getSubject(), claims.getIssuer(), Set.copyOf(claims.getAudience()), iat, exp,
                claims.getId(), Collections.unmodifiableMap(claims));
    }

    /**
     * A NumericDate claim (RFC 7519 2: seconds since 1970, UTC) as it is in the JSON, or null if absent. A JSON number
     * from 0 to {@link #MAX_NUMERIC_DATE} (fractions allowed); a string, a boolean, null, a negative or a larger number
     * is MALFORMED.
     */
    private static Instant numericDate(Map<String, ?> claims, String name) {
        if (!claims.containsKey(name)) {
            return null;
        }
        Object value = claims.get(name);
        BigDecimal seconds = value instanceof Integer || value instanceof Long || value instanceof BigInteger
                ? new BigDecimal(value.toString())
                : value instanceof Double d && Double.isFinite(d) ? BigDecimal.valueOf(d)
                : value instanceof BigDecimal b ? b : null;
        if (seconds == null) {
            throw new TokenRejected(MALFORMED, name + " is " + (value == null ? "null" : Untrusted.quote(value) + " (a "
                    + value.getClass().getSimpleName() + ")") + ": a NumericDate is a JSON number of seconds (RFC 7519 2), "
                    + "never a string, a boolean or null");
        }
        if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(MAX_NUMERIC_DATE)) > 0) {
            throw new TokenRejected(MALFORMED, name + " " + Untrusted.quote(value) + " is outside 0 … " + MAX_NUMERIC_DATE
                    + " (year 9999; kit policy): larger values overflow millisecond arithmetic");
        }
        long whole = seconds.longValue();
        return Instant.ofEpochSecond(whole, seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue());
    }

    /**
     * RFC 8725 3.11 and RFC 9068 4: an ID token, a refresh token or any other JWT from the same issuer for the same
     * audience is signed just as well; only the explicit type says "access token". {@code typ} is a media type:
     * compared case-insensitively, and a value without '/' means {@code application/<value>} (RFC 7515 4.1.9).
     * Checked on the header before the signature: refusing early is always safe, and a genuine token's header is signed.
     */
    private static void requireAccessTokenType(Object typ) {
        if (typ instanceof String value) {
            String full = value.indexOf('/') < 0 ? "application/" + value : value;
            if (full.equalsIgnoreCase("application/" + ACCESS_TOKEN_TYPE)) {
                return;
            }
        }
        throw new TokenRejected(WRONG_TYPE, "typ " + (typ == null ? "is missing" : Untrusted.quote(typ)) + "; an access token says typ '"
                + ACCESS_TOKEN_TYPE + "' (RFC 9068 2.1), and an API accepts no other JWT in its place (RFC 8725 3.11: use explicit typing)");
    }

    private Claims parse(String token) {
        try {
            return parser.parseSignedClaims(token).getPayload();
        } catch (TokenRejected e) {
            throw e; // from the key locator (UNKNOWN_KEY)
        } catch (ExpiredJwtException e) {
            requireNumericDates(); // jjwt compared a date it converted: a string or an overflow is MALFORMED first
            throw new TokenRejected(EXPIRED, e.getMessage(), e);
        } catch (PrematureJwtException e) {
            requireNumericDates();
            throw new TokenRejected(NOT_YET_VALID, e.getMessage(), e);
        } catch (InvalidClaimException e) {
            TokenRejected.Reason reason = switch (e.getClaimName()) {
                case Claims.ISSUER -> WRONG_ISSUER;
                case Claims.AUDIENCE -> WRONG_AUDIENCE;
                default -> MALFORMED;
            };
            throw new TokenRejected(reason, e.getMessage(), e);
        } catch (SecurityException e) {
            throw new TokenRejected(BAD_SIGNATURE, e.getMessage(), e);
        } catch (JwtException | IllegalArgumentException e) {
            throw new TokenRejected(MALFORMED, e.getMessage(), e);
        }
    }

    private void requireNumericDates() {
        Map<String, ?> rawClaims = json.payload();
        numericDate(rawClaims, Claims.EXPIRATION);
        numericDate(rawClaims, Claims.NOT_BEFORE);
        numericDate(rawClaims, Claims.ISSUED_AT);
    }

    /**
     * jjwt's JSON reader, remembering on this thread the last object it read: for a signed token that is the payload,
     * so the verifier sees the raw claim types without parsing the payload a second time.
     */
    private static final class RecordingDeserializer implements Deserializer<Map<String, ?>> {
        private final Deserializer<Map<String, ?>> jackson;
        private final ThreadLocal<Map<String, ?>> last = new ThreadLocal<>();

        RecordingDeserializer(Deserializer<Map<String, ?>> jackson) {
            this.jackson = jackson;
        }

        @Override
        @Deprecated
        public Map<String, ?> deserialize(byte[] bytes) {
            return remember(jackson.deserialize(bytes));
        }

        @Override
        public Map<String, ?> deserialize(Reader reader) {
            return remember(jackson.deserialize(reader));
        }

        private Map<String, ?> remember(Map<String, ?> value) {
            last.set(value);
            return value;
        }

        Map<String, ?> payload() {
            Map<String, ?> value = last.get();
            return value == null ? Map.of() : value;
        }

        void forget() {
            last.remove();
        }
    }

    static TokenRejected unknownKey(String message) {
        return new TokenRejected(UNKNOWN_KEY, message);
    }
}
