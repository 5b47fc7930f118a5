package workshop.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

@Order(1)
@DisplayName("S1 · session IDs")
class S1SessionIdTest {

    private final SessionIdGenerator ids = new SessionIdGenerator();

    @Test
    @Order(1)
    @DisplayName("S1 · an ID is URL-safe base64 without padding")
    void urlSafeAlphabet() {
        String id = ids.next();
        assertThat(id)
                .as("A session ID travels in a cookie: base64url (A-Z a-z 0-9 - _) needs no escaping and has no '=' padding "
                        + "(Base64.getUrlEncoder().withoutPadding()). Got: %s", id)
                .matches("[A-Za-z0-9_-]+");
    }

    @Test
    @Order(2)
    @DisplayName("S1 · an ID carries at least 128 random bits")
    void atLeast128Bits() {
        String id = ids.next();
        byte[] decoded = Base64.getUrlDecoder().decode(id);
        assertThat(decoded.length * 8)
                .as("ASVS 5.0 V7.2.3: at least 128 bits of entropy from a CSPRNG, i.e. 16 random bytes (22 base64url "
                        + "characters); the OWASP Session Management Cheat Sheet asks for at least 64 bits of entropy. '%s' decodes "
                        + "to %d bytes", id, decoded.length)
                .isGreaterThanOrEqualTo(128);
    }

    @Test
    @Order(3)
    @DisplayName("S1 · 100,000 IDs are all distinct")
    void allDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String id = ids.next();
            assertThat(seen.add(id))
                    .as("ID number %d repeats an earlier one (%s): with 128 random bits a repeat is practically impossible, "
                            + "so the IDs are not random enough", i, id)
                    .isTrue();
        }
    }

    @Test
    @Order(4)
    @DisplayName("S1 · two generators do not share a sequence (no fixed seed)")
    void noFixedSeed() {
        SessionIdGenerator other = new SessionIdGenerator();
        Set<String> first = new HashSet<>();
        List<String> second = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            first.add(ids.next());
            second.add(other.next());
        }
        assertThat(second)
                .as("A second generator must not repeat the first one's IDs: a seeded Random (or a seed from the user name or the time) "
                        + "makes IDs predictable. Let SecureRandom seed itself.")
                .doesNotContainAnyElementsOf(first);
    }

    @Test
    @Order(5)
    @DisplayName("S1 · every byte of an ID is random (no counter, no time stamp, no fixed prefix)")
    void everyByteVaries() {
        int samples = 10_000;
        List<byte[]> decoded = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            decoded.add(Base64.getUrlDecoder().decode(ids.next()));
        }
        int length = decoded.get(0).length;
        for (int position = 0; position < length; position++) {
            Set<Byte> values = new HashSet<>();
            for (byte[] id : decoded) {
                values.add(id[position]);
            }
            assertThat(values.size())
                    .as("Byte %d of the ID took only %d different values in %d IDs. A counter, a time stamp, a version byte or a "
                            + "user name inside an ID shows up like this; every byte should look random (almost all 256 values).",
                            position, values.size(), samples)
                    .isGreaterThanOrEqualTo(250);
        }
    }

    @Test
    @Order(6)
    @DisplayName("S1 · about half of all bits are ones")
    void balancedBits() {
        long ones = 0;
        long bits = 0;
        for (int i = 0; i < 10_000; i++) {
            for (byte b : Base64.getUrlDecoder().decode(ids.next())) {
                ones += Integer.bitCount(b & 0xff);
                bits += 8;
            }
        }
        double ratio = (double) ones / bits;
        assertThat(ratio)
                .as("Random bits are ones half of the time; %.4f of them are. Padding, text or numbers inside the ID skew this.", ratio)
                .isBetween(0.49, 0.51);
    }

    @Test
    @Order(7)
    @DisplayName("S1 · the next ID cannot be computed from an earlier one (no java.util.Random)")
    void notPredictable() {
        String first = ids.next();
        String second = ids.next();
        Optional<String> predicted = predictNextAsJavaUtilRandom(first);
        assertThat(predicted)
                .as("Your IDs are predictable — use SecureRandom. From the first 8 bytes of the ID %s alone, this test rebuilt the "
                        + "48-bit state of a java.util.Random (4 bytes are 32 of its 48 bits; the other 16 take 65,536 tries) and "
                        + "computed your next ID: %s. An attacker who gets one session ID (their own!) can do the same and log in "
                        + "as the next visitor. java.util.Random is made for simulations, not secrets; SecureRandom is not "
                        + "predictable this way.", first, second)
                .isNotEqualTo(Optional.of(second));
    }

    @Test
    @Order(8)
    @DisplayName("S1 · an ID is exactly the bytes drawn from the SecureRandom the generator was given")
    void drawsFromTheGivenSecureRandom() {
        WatchedRandom random = new WatchedRandom();
        SessionIdGenerator generator = new SessionIdGenerator(random);
        List<String> issued = List.of(generator.next(), generator.next(), generator.next());
        ByteArrayOutputStream decoded = new ByteArrayOutputStream();
        for (String id : issued) {
            byte[] bytes = decode(id);
            assertThat(bytes.length)
                    .as("ID %s decodes to %d bytes; at least 16 random bytes (128 bits, ASVS 5.0 V7.2.3)", id, bytes.length)
                    .isGreaterThanOrEqualTo(16);
            decoded.writeBytes(bytes);
        }
        HexFormat hex = HexFormat.of();
        assertThat(hex.formatHex(decoded.toByteArray()))
                .as("new SessionIdGenerator(random) must take every ID from that SecureRandom and nothing else: next() fills a "
                        + "byte array with random.nextBytes and encodes exactly those bytes (base64url, no padding). The test's "
                        + "SecureRandom handed out the bytes expected here; your IDs %s decode to other bytes. "
                        + "ThreadLocalRandom, java.util.Random, a hash of a counter or a SecureRandom of your own would all "
                        + "pass the statistical tests above, and only this one tells them apart", issued)
                .isEqualTo(hex.formatHex(random.handedOut()));
        assertThat(random.seedings())
                .as("the generator called setSeed on the SecureRandom it was given: never seed it yourself (a fixed or "
                        + "guessable seed makes some providers deterministic); a SecureRandom seeds itself")
                .isZero();
    }

    private static byte[] decode(String id) {
        try {
            return Base64.getUrlDecoder().decode(id);
        } catch (IllegalArgumentException e) {
            return fail("ID %s is not base64url without padding (%s)", id, e.getMessage());
        }
    }

    /** A SecureRandom whose bytes the test knows: it records every byte it hands out, and every attempt to seed it. */
    static final class WatchedRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final transient RecordingSpi spi;

        WatchedRandom() {
            this(new RecordingSpi());
        }

        private WatchedRandom(RecordingSpi spi) {
            super(spi, null);
            this.spi = spi;
        }

        byte[] handedOut() {
            return spi.handedOut();
        }

        int seedings() {
            return spi.seedings();
        }
    }

    /** Deterministic bytes (a test double, never for real IDs), written down as they are handed out. */
    static final class RecordingSpi extends SecureRandomSpi {
        private static final long serialVersionUID = 1L;
        private final transient SplittableRandom source = new SplittableRandom(2026);
        private final transient ByteArrayOutputStream handedOut = new ByteArrayOutputStream();
        private int seedings;

        @Override
        protected synchronized void engineSetSeed(byte[] seed) {
            seedings++;
        }

        @Override
        protected synchronized void engineNextBytes(byte[] bytes) {
            source.nextBytes(bytes);
            handedOut.writeBytes(bytes);
        }

        @Override
        protected byte[] engineGenerateSeed(int numBytes) {
            byte[] seed = new byte[numBytes];
            engineNextBytes(seed);
            return seed;
        }

        synchronized byte[] handedOut() {
            return handedOut.toByteArray();
        }

        synchronized int seedings() {
            return seedings;
        }
    }

    /**
     * If {@code id} came from {@code java.util.Random.nextBytes}, the ID that random would produce next; else empty.
     * nextBytes packs one nextInt() per 4 bytes, little-endian, and nextInt() is the top 32 bits of a 48-bit state.
     */
    private static Optional<String> predictNextAsJavaUtilRandom(String id) {
        byte[] bytes = Base64.getUrlDecoder().decode(id);
        if (bytes.length < 8) {
            return Optional.empty();
        }
        long multiplier = 0x5DEECE66DL;
        long mask = (1L << 48) - 1;
        long firstInt = littleEndianInt(bytes, 0) & 0xFFFF_FFFFL;
        int secondInt = littleEndianInt(bytes, 4);
        for (long low = 0; low < (1 << 16); low++) {
            long state = (firstInt << 16) | low;
            long next = (state * multiplier + 0xBL) & mask;
            if ((int) (next >>> 16) != secondInt) {
                continue;
            }
            // new Random(s ^ multiplier) starts with internal state s: continue right after the second int
            Random replay = new Random(next ^ multiplier);
            byte[] rest = new byte[bytes.length - 8];
            replay.nextBytes(rest);
            if (!Arrays.equals(rest, Arrays.copyOfRange(bytes, 8, bytes.length))) {
                continue;
            }
            byte[] following = new byte[bytes.length];
            replay.nextBytes(following);
            return Optional.of(Base64.getUrlEncoder().withoutPadding().encodeToString(following));
        }
        return Optional.empty();
    }

    private static int littleEndianInt(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) | (bytes[offset + 1] & 0xFF) << 8 | (bytes[offset + 2] & 0xFF) << 16
                | (bytes[offset + 3] & 0xFF) << 24;
    }
}
