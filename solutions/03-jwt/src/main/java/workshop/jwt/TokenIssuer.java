package workshop.jwt;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Issues signed access tokens with jjwt (0.12+ API): typ at+jwt; sub, iss, aud, client_id, iat, exp, jti (RFC 9068 2.2). */
public final class TokenIssuer {

    /** RFC 9068 2.2 (from RFC 8693 4.3): the OAuth client the access token was issued to. */
    static final String CLIENT_ID = "client_id";
    /** Registered claims the issuer sets itself; callers cannot override them. */
    private static final Set<String> REGISTERED = Set.of(Claims.SUBJECT, Claims.ISSUER, Claims.AUDIENCE, Claims.ISSUED_AT,
            Claims.EXPIRATION, Claims.NOT_BEFORE, Claims.ID, CLIENT_ID);
    /** Words (or runs of words, joined) in a claim name that announce a secret; the payload is readable by anyone holding the token. */
    private static final Set<String> SECRET_WORDS = Set.of("password", "passwd", "pwd", "passphrase", "secret", "apikey",
            "privatekey", "creditcard", "cardnumber", "cvv", "ssn", "pin");
    /** Splits a claim name into words: at '_', '-', '.', spaces, and lower→Upper camel-case boundaries. */
    private static final Pattern WORD_BREAK = Pattern.compile("[_\\-.\\s]+|(?<=[a-z0-9])(?=[A-Z])");

    private final Key signingKey;
    private final String issuer;
    private final Duration lifetime;
    private final Clock clock;

    /** An issuer signing with {@code signingKey} (an HMAC SecretKey or a private key) as {@code issuer}. */
    public TokenIssuer(Key signingKey, String issuer, Duration lifetime, Clock clock) {
        this.signingKey = signingKey;
        this.issuer = issuer;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /**
     * J10 · a compact signed access token for {@code subject} and {@code audience}, issued to the OAuth client
     * {@code clientId} (claim {@code client_id}, REQUIRED in a typ at+jwt token by RFC 9068 2.2), plus {@code extraClaims}
     * (J11 · never a registered claim or client_id: IllegalArgumentException; never a secret: SecretInPayload).
     */
    public String issue(String subject, String audience, String clientId, Map<String, ?> extraClaims) {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("An access token typed at+jwt names the client it was issued to: client_id is "
                    + "REQUIRED (RFC 9068 2.2). Pass the OAuth client's id, e.g. \"workshop-spa\".");
        }
        for (String name : extraClaims.keySet()) {
            if (REGISTERED.contains(name)) {
                throw new IllegalArgumentException("'" + name + "' is a registered claim the issuer sets itself; pass only application claims.");
            }
            if (looksSecret(name)) {
                throw new SecretInPayload("'" + name + "' looks like a secret. A JWS payload is only base64url: anyone holding "
                        + "the token can read it. Keep secrets on the server; put an identifier in the token.");
            }
        }
        Instant now = clock.instant();
        return Jwts.builder()
                .header().type(TokenVerifier.ACCESS_TOKEN_TYPE).and() // RFC 9068 2.1: says "access token", not just "a JWT"
                .claims(extraClaims)
                .subject(subject)
                .issuer(issuer)
                .audience().add(audience).and()
                .claim(CLIENT_ID, clientId)
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(lifetime)))
                .id(UUID.randomUUID().toString())
                .signWith(signingKey) // jjwt picks the algorithm from the key (HS256 for 256 bits, RS256 for RSA 2048…)
                .compact();
    }

    /**
     * Whole words only: {@code api_key}, {@code apiKey}, {@code APIKEY}, {@code client_secret} and {@code userPassword} look
     * secret; {@code shipping} (contains "pin") and {@code className} (contains "ssn") do not.
     */
    static boolean looksSecret(String claimName) {
        List<String> words = Arrays.stream(WORD_BREAK.split(claimName.strip()))
                .map(w -> w.toLowerCase(Locale.ROOT)).filter(w -> !w.isEmpty()).toList();
        for (int from = 0; from < words.size(); from++) {
            StringBuilder joined = new StringBuilder();
            for (int to = from; to < words.size(); to++) {
                joined.append(words.get(to)); // "api" + "key" = "apikey", "credit" + "card" = "creditcard"
                if (SECRET_WORDS.contains(joined.toString())) {
                    return true;
                }
            }
        }
        return false;
    }
}
