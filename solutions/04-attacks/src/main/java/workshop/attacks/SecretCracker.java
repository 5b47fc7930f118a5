package workshop.attacks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Red team: an offline dictionary attack on an HS256 token. Bounded: it stops by itself. */
public final class SecretCracker {

    /** What a run found, how many secrets it tried and how long it took. */
    public record Result(Optional<String> secret, long attempts, Duration elapsed) {
        /** Attempts per second of this run. */
        public double attemptsPerSecond() {
            return attempts / Math.max(1e-9, elapsed.toNanos() / 1e9);
        }
    }

    private SecretCracker() {
    }

    /**
     * A3 · tries each word of {@code words} as the HMAC-SHA256 secret of {@code token} (UTF-8 bytes), in order, and
     * stops at the first that reproduces the signature, after {@code maxAttempts} attempts, or once {@code maxTime}
     * has passed — whichever comes first.
     */
    public static Result crack(String token, List<String> words, long maxAttempts, Duration maxTime) {
        byte[] input = Jwt.signingInput(token);
        byte[] signature = Jwt.signature(token);
        long start = System.nanoTime();
        long deadline = start + maxTime.toNanos();
        long attempts = 0;
        Mac mac;
        try {
            mac = Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
        for (String word : words) {
            // The clock is read every 1024 attempts: System.nanoTime() per attempt would cost a few percent.
            if (attempts >= maxAttempts || ((attempts & 1023) == 0 && System.nanoTime() - deadline > 0)) {
                break;
            }
            attempts++;
            byte[] candidate = word.getBytes(StandardCharsets.UTF_8);
            if (candidate.length == 0) {
                continue; // HMAC keys cannot be empty in the JDK; no server can have used one
            }
            try {
                mac.init(new SecretKeySpec(candidate, "HmacSHA256"));
            } catch (InvalidKeyException e) {
                throw new IllegalStateException(e);
            }
            if (MessageDigest.isEqual(mac.doFinal(input), signature)) {
                return new Result(Optional.of(word), attempts, Duration.ofNanos(System.nanoTime() - start));
            }
        }
        return new Result(Optional.empty(), attempts, Duration.ofNanos(System.nanoTime() - start));
    }
}
