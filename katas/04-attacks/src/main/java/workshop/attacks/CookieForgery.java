package workshop.attacks;

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
        throw new UnsupportedOperationException("A13 · an encoded auth cookie — see notebooks/04-attacks.ipynb, A13");
    }
}
