package workshop.jwt;

import java.time.Duration;

/** What the token endpoint returned: a short-lived access token and a refresh token (single-use on the kit's server). */
public record Tokens(String accessToken, String refreshToken, Duration expiresIn) {

    @Override
    public String toString() {
        // Tokens are credentials: never print them whole (logs are read by many).
        return "Tokens[access=" + shorten(accessToken) + ", refresh=" + shorten(refreshToken) + ", expiresIn=" + expiresIn + "]";
    }

    private static String shorten(String token) {
        return token == null ? "null" : token.substring(0, Math.min(12, token.length())) + "…";
    }
}
