package workshop.scale;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import workshop.simulator.cluster.TokenCheck;

/**
 * X4 · how an app instance checks a bearer JWT with no shared state but the deny list: the signature by the key
 * whose {@code kid} the published JWKS lists, the issuer and expiry on the app's clock, then the {@code jti}.
 */
public final class JwtCheck implements TokenCheck {

    private final Supplier<String> jwks;
    private final String issuer;
    private final DenyList denyList;
    private final Clock clock;

    /** @param jwks the issuer's published JWK Set as JSON (read on each check here; a real app caches it) */
    public JwtCheck(Supplier<String> jwks, String issuer, DenyList denyList, Clock clock) {
        this.jwks = jwks;
        this.issuer = issuer;
        this.denyList = denyList;
        this.clock = clock;
    }

    /** X4 · the token's subject if it verifies, is from the issuer, is unexpired and its jti is not revoked; else empty. */
    @Override
    public Optional<String> userOf(String token) {
        throw new UnsupportedOperationException("X4 · verify with the JWK Set, then the deny list — see notebooks/05-scale.ipynb, X4");
    }
}
