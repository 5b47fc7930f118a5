package workshop.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workshop.katasupport.ExpectThrow;
import workshop.simulator.MutableClock;
import workshop.simulator.SimulatorExtension;
import workshop.simulator.legacy.LegacyJwtServer;
import workshop.simulator.legacy.WordList;

@Order(3)
@DisplayName("A3 · a weak HMAC secret: crack it offline, then a key policy")
class WeakSecretTest {

    static final MutableClock clock = MutableClock.atWorkshopStart();
    /** Generous bounds for the whole word list on a slow laptop: the cracker must still stop by itself. */
    static final Duration MAX_TIME = Duration.ofSeconds(20);

    @RegisterExtension
    static final SimulatorExtension legacy = SimulatorExtension.of(LegacyJwtServer::start, clock);

    @Test
    @Order(1)
    @DisplayName("A3 · exploit: the kit's word list cracks the legacy server's secret, and a token re-signed with it opens the admin page")
    void exploit() {
        String real = Lab.login(legacy, "a3");
        List<String> words = WordList.words();
        SecretCracker.Result result = SecretCracker.crack(real, words, words.size(), MAX_TIME);
        assertThat(result.secret())
                .as("try each word's UTF-8 bytes as the HMAC-SHA256 key over the token's first two parts; the one whose"
                        + " HMAC equals the signature is the secret. This run's secret is one of the %d words%s",
                        words.size(), Lab.show(real))
                .contains(Lab.control(legacy).weakSecret());
        assertThat(result.attempts()).as("the attempts until the secret, counted one per word tried")
                .isEqualTo(words.indexOf(Lab.control(legacy).weakSecret()) + 1L);
        String forged = Forgery.signedAdmin(real, Map.of(), result.secret().orElseThrow().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(Jwt.header(forged)).as("an HS256 token").containsEntry("alg", "HS256");
        Lab.assertBreaksIn(legacy, "a3", forged, "with the secret, you sign what you like: the a3 endpoint verifies"
                + " correctly, its only flaw is a key a person chose (PortSwigger: 'JWT authentication bypass via weak signing key')");
    }

    @Test
    @Order(2)
    @DisplayName("A3 · the cracker is bounded: it stops after maxAttempts, and when its time is up")
    void bounded() {
        String real = Lab.login(legacy, "a3");
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            wrong.add("not-the-secret-" + i);
        }
        SecretCracker.Result counted = SecretCracker.crack(real, wrong, 1_000, MAX_TIME);
        assertThat(counted.secret()).as("no word of this list is the secret").isEmpty();
        assertThat(counted.attempts()).as("kit policy: attack code stops by itself — exactly maxAttempts attempts, then stop")
                .isEqualTo(1_000);
        SecretCracker.Result timed = SecretCracker.crack(real, wrong, Long.MAX_VALUE, Duration.ofMillis(1));
        assertThat(timed.attempts()).as("with 1 ms of time the cracker must stop long before 50,000 attempts (check the"
                + " clock every few hundred attempts: System.nanoTime())").isLessThan(50_000);
        assertThat(timed.elapsed()).as("and report how long it ran").isLessThan(Duration.ofSeconds(2));
    }

    @Test
    @Order(3)
    @DisplayName("A3 · the time-to-crack table for 40-, 64-, 128- and 256-bit random keys, from your measured rate")
    void table() {
        String real = Lab.login(legacy, "a3");
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            wrong.add("measure-" + i);
        }
        SecretCracker.Result run = SecretCracker.crack(real, wrong, wrong.size(), MAX_TIME);
        double rate = run.attemptsPerSecond();
        assertThat(rate).as("attempts per second of your cracker (%d attempts in %s)", run.attempts(), run.elapsed())
                .isGreaterThan(1_000);
        List<CrackTable.Row> rows = CrackTable.rows(rate);
        StringBuilder printed = new StringBuilder("\n  measured: " + Math.round(rate) + " HMAC-SHA256 attempts/s on one core\n");
        rows.forEach(r -> printed.append(String.format(Locale.ROOT, "  %3d-bit random key: %s%n", r.bits(), r.readable())));
        assertThat(rows).extracting(CrackTable.Row::bits).as("one row per size" + printed).containsExactly(40, 64, 128, 256);
        for (CrackTable.Row row : rows) {
            double expected = Math.pow(2, row.bits() - 1) / rate;
            assertThat(row.expectedSeconds()).as("%d bits: on average half of the 2^%d keys are tried, 2^%d / rate seconds%s",
                    row.bits(), row.bits(), row.bits() - 1, printed).isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(1e-6));
            assertThat(row.readable()).as("%d bits in words, with the largest unit that fits%s", row.bits(), printed)
                    .endsWith(" " + unit(expected));
        }
        System.out.println(printed);
    }

    @Test
    @Order(4)
    @DisplayName("A3 · defence: the key policy refuses the cracked secret, and a generated 256-bit key resists the same attack")
    void defence() {
        String real = Lab.login(legacy, "a3");
        byte[] cracked = Lab.control(legacy).weakSecret().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ExpectThrow.expect(WeakKey.class, "KeyPolicy.check(\"" + Lab.control(legacy).weakSecret() + "\".getBytes())",
                () -> { KeyPolicy.check(cracked); return null; },
                "RFC 7518 3.2: an HS256 key has at least 256 bits (32 bytes); a word a person chose has far fewer bits of"
                        + " entropy than its length suggests (OWASP JWT cheat sheet; RFC 8725 3.5)");
        byte[] key = KeyPolicy.generate();
        assertThat(key).as("a generated HS256 key: 32 bytes (256 bits) or more").hasSizeGreaterThanOrEqualTo(32);
        assertThat(KeyPolicy.generate()).as("two generated keys differ: use SecureRandom, never a constant").isNotEqualTo(key);
        KeyPolicy.check(key);
        String signedWell = Forgery.signedAdmin(real, Map.of(), key);
        List<String> words = WordList.words();
        SecretCracker.Result result = SecretCracker.crack(signedWell, words, words.size(), MAX_TIME);
        assertThat(result.secret()).as("the same attack against a token signed with a generated key finds nothing").isEmpty();
        assertThat(result.attempts()).as("after trying the whole list").isEqualTo(words.size());
    }

    /** The test's own unit rule: the largest of seconds, minutes, hours, days, years (365.25 days) that fits. */
    private static String unit(double seconds) {
        if (seconds >= 365.25 * 86_400) {
            return "years";
        }
        return seconds >= 86_400 ? "days" : seconds >= 3600 ? "hours" : seconds >= 60 ? "minutes" : "seconds";
    }
}
