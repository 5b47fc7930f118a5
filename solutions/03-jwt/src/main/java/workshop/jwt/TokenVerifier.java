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
import io.jsonwebtoken.jackson.io.JacksonDeserializer;
import io.jsonwebtoken.security.SecurityException;
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
    /** The {@code typ} header of an access token (RFC 9068 2.1); {@code application/at+jwt} is the same type. */
    public static final String ACCESS_TOKEN_TYPE = "at+jwt";

    private final Set<String> allowedAlgorithms;
    private final JwtParser parser;
    private final Clock clock;
    private final Duration skew;

    private TokenVerifier(Set<String> allowedAlgorithms, Locator<Key> keys, String issuer, String audience, Clock clock, Duration skew) {
        if (skew.isNegative() || skew.compareTo(MAX_SKEW) > 0) {
            throw new IllegalArgumentException("The clock skew must be between 0 and " + MAX_SKEW.toSeconds()
                    + " seconds, got " + skew.toSeconds() + ": a large skew silently lengthens every token's life.");
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
                .json(new JacksonDeserializer<>(Json.newMapper()))
                .build();
    }

    /** J8 · a verifier for HMAC tokens signed with {@code key}; refuses a skew over {@link #MAX_SKEW}. */
    public static TokenVerifier hmac(SecretKey key, String issuer, String audience, Clock clock, Duration skew) {
        int bits = key.getEncoded().length * 8;
        // The one algorithm this key is for, as jjwt's signWith(key) picks it.
        String alg = bits >= 512 ? "HS512" : bits >= 384 ? "HS384" : "HS256";
        KeyRules.requireHmacKey(key.getEncoded(), alg);
        return new TokenVerifier(Set.of(alg), header -> key, issuer, audience, clock, skew);
    }

    /** J9 · a verifier for RS256/ES256 tokens whose public key is published in a JWKS, chosen by kid. */
    public static TokenVerifier withJwks(JwksKeys keys, String issuer, String audience, Clock clock, Duration skew) {
        // The kid chooses the key, and the key's published algorithm must be the token's alg (one algorithm per key).
        Locator<Key> byKid = header -> keys.keyFor(header instanceof ProtectedHeader ph ? ph.getKeyId() : null, header.getAlgorithm());
        return new TokenVerifier(Set.of("RS256", "ES256"), byKid, issuer, audience, clock, skew);
    }

    /** J8 · the verified token, or TokenRejected with the reason. */
    public VerifiedToken verify(String token) {
        Map<String, Object> header = TokenPrecheck.check(token, MAX_TOKEN_CHARS);
        Object alg = header.get("alg");
        if (!(alg instanceof String name) || !allowedAlgorithms.contains(name)) {
            throw new TokenRejected(ALGORITHM_NOT_ALLOWED, "alg " + (alg == null ? "is missing" : Untrusted.quote(alg))
                    + "; this verifier accepts only " + allowedAlgorithms);
        }
        requireAccessTokenType(header.get("typ"));
        // jjwt's decoder ignores the unused bits of the signature's last character (4 spellings verify);
        // the strict Base64Url refuses all but the canonical one. Header and payload are covered by the signature.
        Base64Url.decode(token.substring(token.lastIndexOf('.') + 1));
        Claims claims = parse(token);
        Instant now = clock.instant();
        if (claims.getExpiration() == null) {
            throw new TokenRejected(MALFORMED, "no exp: an access token that never expires is refused");
        }
        Instant exp = claims.getExpiration().toInstant();
        // RFC 7519 4.1.4: now must be BEFORE exp; jjwt also accepts exp == now.
        if (!now.isBefore(exp.plus(skew))) {
            throw new TokenRejected(EXPIRED, "expired at " + exp + ", now is " + now + " (skew " + skew.toSeconds() + " s)");
        }
        return new VerifiedToken(claims.getSubject(), claims.getIssuer(), Set.copyOf(claims.getAudience()),
                claims.getIssuedAt() == null ? null : claims.getIssuedAt().toInstant(), exp, claims.getId(), Collections.unmodifiableMap(claims));
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
            throw new TokenRejected(EXPIRED, e.getMessage(), e);
        } catch (PrematureJwtException e) {
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

    static TokenRejected unknownKey(String message) {
        return new TokenRejected(UNKNOWN_KEY, message);
    }
}
