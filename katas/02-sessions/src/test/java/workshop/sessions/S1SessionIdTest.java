package workshop.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
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
