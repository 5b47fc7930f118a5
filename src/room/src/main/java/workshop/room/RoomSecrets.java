package workshop.room;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

/**
 * The room code (learners: short, read aloud, typed) and the instructor key (long, only in the dashboard's URL).
 * The code has 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L): 31⁸ ≈ 8.5·10¹¹ codes, which
 * the per-address rate limit (40 requests a second) makes out of reach for guessing during a workshop.
 */
public final class RoomSecrets {

    /** No 0, O, 1, I, L: nothing that reads or sounds like another character. */
    public static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public static final int CODE_LENGTH = 8;

    private static final SecureRandom RANDOM = new SecureRandom();

    private RoomSecrets() {
    }

    public static String newCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** 256 random bits, URL-safe Base64 (43 characters). */
    public static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A code as a learner may type it: any case, with spaces or a dash in the middle. */
    public static String normaliseCode(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /** Compares in constant time (for equal lengths), so the answer's timing does not tell how much was right. */
    public static boolean matches(String expected, String given) {
        if (given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
