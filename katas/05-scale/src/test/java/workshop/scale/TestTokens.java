package workshop.scale;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.ProtectedHeader;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;
import java.security.Key;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

/** The tests' own issuer (one ES256 key, published as a JWK Set) and a verifier of a JWK Set snapshot. */
final class TestTokens {

    static final String ISSUER = "https://login.shop.example";

    final String kid = "test-" + UUID.randomUUID().toString().substring(0, 8);
    private final KeyPair keys = Jwts.SIG.ES256.keyPair().build();

    /** The public key as a JWK Set, as the issuer publishes it at /.well-known/jwks.json. */
    String jwks() {
        PublicJwk<?> jwk = (PublicJwk<?>) Jwks.builder().key(keys.getPublic()).id(kid).build();
        return "{\"keys\":[" + Jwks.json(jwk) + "]}";
    }

    /** A token for {@code user} with a fresh jti, valid until {@code exp}. */
    String token(String user, Instant iat, Instant exp) {
        return builder(user, iat, exp).id(UUID.randomUUID().toString()).compact();
    }

    JwtBuilder builder(String user, Instant iat, Instant exp) {
        return Jwts.builder().header().keyId(kid).and().issuer(ISSUER).subject(user)
                .issuedAt(Date.from(iat)).expiration(Date.from(exp)).signWith(keys.getPrivate(), Jwts.SIG.ES256);
    }

    /** The claims of a token whose signature checks out against this JWK Set snapshot at the clock's time, else empty. */
    static Optional<Claims> verify(String jwks, String token, Clock clock) {
        JwkSet set = Jwks.setParser().build().parse(jwks);
        try {
            return Optional.of(Jwts.parser().keyLocator(header -> key(set, ((ProtectedHeader) header).getKeyId()))
                    .clock(() -> Date.from(clock.instant())).build().parseSignedClaims(token).getPayload());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The kid in a token's header (read without verifying). */
    static String kidOf(String token) {
        String header = new String(java.util.Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"kid\"\\s*:\\s*\"([^\"]*)\"").matcher(header);
        return m.find() ? m.group(1) : null;
    }

    private static Key key(JwkSet set, String kid) {
        for (Jwk<?> jwk : set.getKeys()) {
            if (jwk.getId().equals(kid)) {
                return jwk.toKey();
            }
        }
        throw new io.jsonwebtoken.JwtException("no key " + kid);
    }
}
