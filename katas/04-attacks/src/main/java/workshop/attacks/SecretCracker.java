package workshop.attacks;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

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
        throw new UnsupportedOperationException("A3 · crack a weak HMAC secret — see notebooks/04-attacks.ipynb, A3");
    }
}
