package workshop.jwt;

import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** Issues signed access tokens with jjwt (0.12+ API): typ at+jwt; sub, iss, aud, client_id, iat, exp, jti (RFC 9068 2.2). */
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

    /**
     * J10 · a compact signed access token for {@code subject} and {@code audience}, issued to the OAuth client
     * {@code clientId} (claim {@code client_id}, REQUIRED in a typ at+jwt token by RFC 9068 2.2), plus {@code extraClaims}
     * (J11 · never a registered claim or client_id: IllegalArgumentException; never a secret: SecretInPayload).
     */
    public String issue(String subject, String audience, String clientId, Map<String, ?> extraClaims) {
        throw new UnsupportedOperationException("J10 · issue with jjwt — see notebooks/03-jwt.ipynb, J10");
    }
}
