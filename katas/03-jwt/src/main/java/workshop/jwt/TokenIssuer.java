package workshop.jwt;

import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** Issues signed access tokens with jjwt (0.12+ API): typ at+jwt; sub, iss, aud, iat, exp, jti. */
public final class TokenIssuer {

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

    /** J6 · a compact signed token for {@code subject} and {@code audience}, plus {@code extraClaims} (never secrets). */
    public String issue(String subject, String audience, Map<String, ?> extraClaims) {
        throw new UnsupportedOperationException("J6 · issue with jjwt — see notebooks/03-jwt.ipynb, J6");
    }
}
