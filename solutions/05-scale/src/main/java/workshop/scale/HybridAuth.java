package workshop.scale;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwks;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import workshop.simulator.cluster.StoredSession;

/**
 * X7 · the hybrid: a short-lived access JWT that any instance verifies alone, and a refresh session in Redis that
 * the server can end at once. Refreshing rotates the refresh session; logging out denies the current access token.
 */
public final class HybridAuth {

    /** What a client holds: the access token (header) and the refresh session ID (an HttpOnly cookie). */
    public record Tokens(String access, String refresh) {
        @Override
        public String toString() {
            return "Tokens[access=…, refresh=…]";
        }
    }

    static final String ACCESS_JTI = "access-jti";
    static final String ACCESS_EXP = "access-exp";

    private final RedisSessionStore refreshSessions;
    private final TokenIssuer issuer;
    private final DenyList denyList;
    private final Clock clock;

    public HybridAuth(RedisSessionStore refreshSessions, TokenIssuer issuer, DenyList denyList, Clock clock) {
        this.refreshSessions = Objects.requireNonNull(refreshSessions, "refreshSessions");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.denyList = Objects.requireNonNull(denyList, "denyList");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** X7 · after a password check: a refresh session for {@code user} and a first access token. */
    public Tokens login(String user) {
        String refresh = refreshSessions.create(user);
        return new Tokens(accessFor(refresh, user), refresh);
    }

    /** X7 · a new access token and a rotated refresh ID; empty if the refresh session is over. */
    public Optional<Tokens> refresh(String refreshId) {
        Optional<StoredSession> session = refreshSessions.find(refreshId);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> next = refreshSessions.rotate(refreshId);
        return next.map(id -> new Tokens(accessFor(id, session.get().user()), id));
    }

    /** X7 · ends this refresh session and denies its current access token at once. */
    public boolean logout(String refreshId) {
        Optional<StoredSession> session = refreshSessions.find(refreshId);
        if (session.isEmpty()) {
            return false;
        }
        deny(session.get().attribute(ACCESS_JTI).orElse(null), session.get().attribute(ACCESS_EXP).orElse(null));
        return refreshSessions.delete(refreshId);
    }

    /** X7 · ends every refresh session of the user and denies each one's current access token at once. */
    public int logoutEverywhere(String user) {
        for (String id : refreshSessions.sessionsOf(user)) {
            refreshSessions.find(id).ifPresent(session ->
                    deny(session.attribute(ACCESS_JTI).orElse(null), session.attribute(ACCESS_EXP).orElse(null)));
        }
        return refreshSessions.deleteAllFor(user);
    }

    private String accessFor(String refreshId, String user) {
        String token = issuer.issue(user);
        Claims claims = claimsOf(token);
        refreshSessions.put(refreshId, ACCESS_JTI, claims.getId());
        refreshSessions.put(refreshId, ACCESS_EXP, Long.toString(claims.getExpiration().getTime()));
        return token;
    }

    private void deny(String jti, String expMillis) {
        if (jti != null && expMillis != null && expMillis.matches("[0-9]{1,15}")) {
            denyList.revoke(jti, java.time.Instant.ofEpochMilli(Long.parseLong(expMillis)));
        }
    }

    /** The claims of a token this issuer just signed, verified with its own published key. */
    private Claims claimsOf(String token) {
        return Jwts.parser()
                .keyLocator(header -> Jwks.setParser().build().parse(issuer.jwksJson()).getKeys().stream()
                        .filter(k -> k.getId().equals(((io.jsonwebtoken.ProtectedHeader) header).getKeyId()))
                        .findFirst().map(k -> (PublicKey) k.toKey()).orElseThrow())
                .clock(() -> java.util.Date.from(clock.instant()))
                .build().parseSignedClaims(token).getPayload();
    }
}
