package workshop.attacks;

/** Blue team: the server side of refresh tokens — opaque, bound to a client, single-use, families revoked on reuse. */
public final class RefreshTokens {

    /** What a redeemed refresh token grants: its user and client, and the NEW refresh token that replaces it. */
    public record Grant(String user, String clientId, String refreshToken) {
    }

    /** A10 · a new refresh token for {@code user} at {@code clientId}: 256 random bits, base64url, a new family. */
    public String issue(String user, String clientId) {
        throw new UnsupportedOperationException("A10 · issue a refresh token — see notebooks/04-attacks.ipynb, A10");
    }

    /**
     * A10 · redeems {@code token} for {@code clientId}: a Grant with a new token of the same family, and the old one
     * is used up. RefreshRefused: UNKNOWN; WRONG_CLIENT (issued to another client); REUSED (used before — and the
     * whole family is revoked); REVOKED (its family was revoked).
     */
    public Grant redeem(String token, String clientId) {
        throw new UnsupportedOperationException("A10 · binding and reuse detection — see notebooks/04-attacks.ipynb, A10");
    }
}
