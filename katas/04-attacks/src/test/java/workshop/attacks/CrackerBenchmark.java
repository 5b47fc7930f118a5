package workshop.attacks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A3 benchmark (a main, not a test): HMAC-SHA256 attempts per second of {@link SecretCracker} on one core, against
 * the same guesses through {@code javax.crypto.Mac} directly, in the same run, alternating, median of 7 rounds.
 * Target: the cracker reaches at least 0.9 of the plain Mac loop. Run:
 * {@code mvn -Psolutions,benchmark -pl solutions/04-attacks -am process-test-classes}.
 */
public final class CrackerBenchmark {

    private static final int GUESSES = 400_000;

    private CrackerBenchmark() {
    }

    public static void main(String[] args) throws GeneralSecurityException {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        String input = Jwt.part(java.util.Map.of("alg", "HS256", "typ", "JWT")) + "."
                + Jwt.part(java.util.Map.of("sub", "alice", "role", "user", "iat", 1767258000L, "exp", 1767258300L));
        Mac signer = Mac.getInstance("HmacSHA256");
        signer.init(new SecretKeySpec(key, "HmacSHA256"));
        String token = input + "." + Jwt.encode(signer.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        List<String> words = new ArrayList<>(GUESSES);
        for (int i = 0; i < GUESSES; i++) {
            words.add("guess-" + i);
        }
        double[] cracker = new double[7];
        double[] plain = new double[7];
        for (int warm = 0; warm < 3; warm++) {
            SecretCracker.crack(token, words, GUESSES, Duration.ofMinutes(1));
            plainMac(token, words);
        }
        for (int round = 0; round < cracker.length; round++) {
            cracker[round] = SecretCracker.crack(token, words, GUESSES, Duration.ofMinutes(1)).attemptsPerSecond();
            plain[round] = plainMac(token, words);
        }
        Arrays.sort(cracker);
        Arrays.sort(plain);
        double c = cracker[cracker.length / 2];
        double p = plain[plain.length / 2];
        System.out.printf(Locale.ROOT, "HMAC-SHA256 attempts/s, one core, median of %d rounds of %,d guesses:%n", cracker.length, GUESSES);
        System.out.printf(Locale.ROOT, "  SecretCracker.crack      %,12.0f%n", c);
        System.out.printf(Locale.ROOT, "  javax.crypto.Mac loop    %,12.0f%n", p);
        System.out.printf(Locale.ROOT, "  ratio                    %12.2f (target >= 0.90)%n", c / p);
        for (CrackTable.Row row : CrackTable.rows(c)) {
            System.out.printf(Locale.ROOT, "  %3d-bit random key: %s%n", row.bits(), row.readable());
        }
    }

    /** The same work without the cracker: init and doFinal per guess, compare. Returns attempts per second. */
    private static double plainMac(String token, List<String> words) throws GeneralSecurityException {
        byte[] data = Jwt.signingInput(token);
        byte[] signature = Jwt.signature(token);
        Mac mac = Mac.getInstance("HmacSHA256");
        long start = System.nanoTime();
        int found = 0;
        for (String word : words) {
            mac.init(new SecretKeySpec(word.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            if (java.security.MessageDigest.isEqual(mac.doFinal(data), signature)) {
                found++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (found != 0) {
            throw new IllegalStateException("a guess matched a random key");
        }
        return words.size() / seconds;
    }
}
