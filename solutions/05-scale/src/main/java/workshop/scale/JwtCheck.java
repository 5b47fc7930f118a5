package workshop.scale;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.ProtectedHeader;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import java.security.Key;
import java.time.Clock;
import java.util.Date;
import java.util.Objects;
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
        this.jwks = Objects.requireNonNull(jwks, "jwks");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.denyList = Objects.requireNonNull(denyList, "denyList");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<String> userOf(String token) {
        JwkSet keys = Jwks.setParser().build().parse(jwks.get());
        Claims claims;
        try {
            claims = Jwts.parser()
                    .keyLocator(header -> keyFor(keys, header instanceof ProtectedHeader p ? p.getKeyId() : null))
                    .requireIssuer(issuer)
                    .clock(() -> Date.from(clock.instant()))
                    .build()
                    .parseSignedClaims(token)
                    .getPayload();
        } catch (JwtException | IllegalArgumentException e) {
            return Optional.empty();
        }
        String jti = claims.getId();
        if (jti == null || claims.getSubject() == null) {
            return Optional.empty();   // kit policy: a token that cannot be revoked is not accepted
        }
        try {
            if (denyList.isRevoked(jti)) {
                return Optional.empty();
            }
        } catch (IllegalArgumentException malformedJti) {
            return Optional.empty();
        }
        return Optional.of(claims.getSubject());
    }

    private static Key keyFor(JwkSet keys, String kid) {
        if (kid == null) {
            throw new JwtException("the token names no key (kid)");
        }
        for (Jwk<?> jwk : keys.getKeys()) {
            if (kid.equals(jwk.getId())) {
                return jwk.toKey();
            }
        }
        throw new JwtException("no published key has kid " + kid);
    }
}
