package workshop.scale;

import java.time.Clock;
import java.time.Duration;

/**
 * X5 · signs ES256 access tokens and publishes the verification keys as a JWK Set, with key rotation in three
 * moves: {@link #publishNext()}, then {@link #activateNext()}, then {@link #retire(String)} once no token signed with
 * the old key can still be valid.
 */
public final class TokenIssuer {

    private final Clock clock;
    private final String issuer;
    private final Duration lifetime;

    /** X5 · starts with one key, published and active. */
    public TokenIssuer(Clock clock, String issuer, Duration lifetime) {
        this.clock = clock;
        this.issuer = issuer;
        this.lifetime = lifetime;
    }

    /** X5 · the {@code kid} new tokens are signed with. */
    public String activeKid() {
        throw new UnsupportedOperationException("X5 · the active key — see notebooks/05-scale.ipynb, X5");
    }

    /** X5 · a signed token for {@code user}: kid, iss, sub, a random jti, iat and exp = now + lifetime. */
    public String issue(String user) {
        throw new UnsupportedOperationException("X5 · sign a token — see notebooks/05-scale.ipynb, X5");
    }

    /** X5 · the published public keys as a JWK Set: {@code {"keys":[…]}}. */
    public String jwksJson() {
        throw new UnsupportedOperationException("X5 · publish the JWK Set — see notebooks/05-scale.ipynb, X5");
    }

    /** X5 · step 1: a new key appears in the JWK Set; tokens are still signed with the old one. Returns its kid. */
    public String publishNext() {
        throw new UnsupportedOperationException("X5 · publish the next key — see notebooks/05-scale.ipynb, X5");
    }

    /** X5 · step 2: sign with the published next key; refused (IllegalStateException) if none was published. */
    public void activateNext() {
        throw new UnsupportedOperationException("X5 · activate the next key — see notebooks/05-scale.ipynb, X5");
    }

    /** X5 · step 3: removes a key from the JWK Set; refused while it signs or while a token it signed is still valid. */
    public void retire(String kid) {
        throw new UnsupportedOperationException("X5 · retire the old key — see notebooks/05-scale.ipynb, X5");
    }
}
