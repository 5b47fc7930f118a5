package workshop.scale;

import java.time.Clock;
import java.util.Optional;

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

    private final RedisSessionStore refreshSessions;
    private final TokenIssuer issuer;
    private final DenyList denyList;
    private final Clock clock;

    public HybridAuth(RedisSessionStore refreshSessions, TokenIssuer issuer, DenyList denyList, Clock clock) {
        this.refreshSessions = refreshSessions;
        this.issuer = issuer;
        this.denyList = denyList;
        this.clock = clock;
    }

    /** X7 · after a password check: a refresh session for {@code user} and a first access token. */
    public Tokens login(String user) {
        throw new UnsupportedOperationException("X7 · log in: refresh session + access token — see notebooks/05-scale.ipynb, X7");
    }

    /** X7 · a new access token and a rotated refresh ID; empty if the refresh session is over. */
    public Optional<Tokens> refresh(String refreshId) {
        throw new UnsupportedOperationException("X7 · refresh and rotate — see notebooks/05-scale.ipynb, X7");
    }

    /** X7 · ends this refresh session and denies its current access token at once. */
    public boolean logout(String refreshId) {
        throw new UnsupportedOperationException("X7 · log out now — see notebooks/05-scale.ipynb, X7");
    }

    /** X7 · ends every refresh session of the user and denies each one's current access token at once. */
    public int logoutEverywhere(String user) {
        throw new UnsupportedOperationException("X7 · log out everywhere — see notebooks/05-scale.ipynb, X7");
    }
}
