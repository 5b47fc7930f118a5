package workshop.attacks;

import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Blue team: the server side of refresh tokens — opaque, bound to a client, single-use, families revoked on reuse. */
public final class RefreshTokens {

    /** What a redeemed refresh token grants: its user and client, and the NEW refresh token that replaces it. */
    public record Grant(String user, String clientId, String refreshToken) {
    }

    private record Entry(String user, String clientId, String family, boolean used) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Entry> tokens = new ConcurrentHashMap<>();
    private final Set<String> revokedFamilies = ConcurrentHashMap.newKeySet();

    /** A10 · a new refresh token for {@code user} at {@code clientId}: 256 random bits, base64url, a new family. */
    public String issue(String user, String clientId) {
        return store(user, clientId, newToken());
    }

    /**
     * A10 · redeems {@code token} for {@code clientId}: a Grant with a new token of the same family, and the old one
     * is used up. RefreshRefused: UNKNOWN; WRONG_CLIENT (issued to another client); REUSED (used before — and the
     * whole family is revoked); REVOKED (its family was revoked).
     */
    public synchronized Grant redeem(String token, String clientId) {
        Entry entry = token == null ? null : tokens.get(token);
        if (entry == null) {
            throw new RefreshRefused(RefreshRefused.Reason.UNKNOWN, "not a refresh token issued here");
        }
        // RFC 6749 6 and 10.4: the token is bound to the client it was issued to.
        if (!entry.clientId().equals(clientId)) {
            throw new RefreshRefused(RefreshRefused.Reason.WRONG_CLIENT, "issued to another client");
        }
        if (revokedFamilies.contains(entry.family())) {
            throw new RefreshRefused(RefreshRefused.Reason.REVOKED, "this login was revoked after a reuse; log in again");
        }
        // RFC 9700 4.14.2: rotation; a used token coming back means two parties hold it — revoke the whole family.
        if (entry.used()) {
            revokedFamilies.add(entry.family());
            throw new RefreshRefused(RefreshRefused.Reason.REUSED, "used before; every token of this login is revoked");
        }
        tokens.put(token, new Entry(entry.user(), entry.clientId(), entry.family(), true));
        String next = newToken();
        tokens.put(next, new Entry(entry.user(), entry.clientId(), entry.family(), false));
        return new Grant(entry.user(), entry.clientId(), next);
    }

    private String store(String user, String clientId, String token) {
        tokens.put(token, new Entry(user, clientId, token, false)); // the first token names its family
        return token;
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Jwt.encode(bytes);
    }
}
