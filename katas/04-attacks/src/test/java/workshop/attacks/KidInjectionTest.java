package workshop.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workshop.katasupport.ExpectThrow;
import workshop.simulator.MutableClock;
import workshop.simulator.SimulatorExtension;
import workshop.simulator.legacy.LegacyJwtServer;

@Order(8)
@DisplayName("A8 · kid injection: path traversal and SQL injection")
class KidInjectionTest {

    static final MutableClock clock = MutableClock.atWorkshopStart();

    @RegisterExtension
    static final SimulatorExtension legacy = SimulatorExtension.of(LegacyJwtServer::start, clock);

    /** The configuration of a8: one allow-listed kid and its key, HS256 only. */
    static KeyRing configured(String step) {
        return new KeyRing(Map.of(Lab.control(legacy).kid(step),
                new TrustedKey("HS256", new SecretKeySpec(Lab.control(legacy).keyForKid(step), "HmacSHA256"))));
    }

    @Test
    @Order(1)
    @DisplayName("A8 · exploit: a kid of ../public/welcome.txt makes a public file the HMAC key, and the admin page opens")
    void traversal() {
        String real = Lab.login(legacy, "a8-file");
        String forged = KidInjection.traversal(real, legacy.uri("/a8-file/public/welcome.txt"));
        assertThat(String.valueOf(Jwt.header(forged).get("kid"))).as("a kid that climbs out of keys/ into public/%s",
                Lab.show(forged)).contains("..").endsWith("welcome.txt");
        Lab.assertBreaksIn(legacy, "a8-file", forged, "the a8-file endpoint reads keys/<kid> without checking the path:"
                + " '..' leaves the key folder, and any file whose bytes the attacker knows becomes the key (PortSwigger:"
                + " 'kid header path traversal'; on Linux the classic is ../../dev/null, an EMPTY key — which javax.crypto"
                + " refuses, so this demo uses a public file instead)");
    }

    @Test
    @Order(2)
    @DisplayName("A8 · exploit: a kid with ' UNION SELECT makes the key query return your secret, and the admin page opens")
    void sql() {
        String real = Lab.login(legacy, "a8-sql");
        String forged = KidInjection.sql(real);
        assertThat(String.valueOf(Jwt.header(forged).get("kid"))).as("a kid that closes the quote and adds a row%s",
                Lab.show(forged)).contains("'").containsIgnoringCase("union");
        Lab.assertBreaksIn(legacy, "a8-sql", forged, "the a8-sql endpoint runs SELECT secret FROM signing_keys WHERE kid ="
                + " '<kid>' pasted together (H2, in memory): a UNION SELECT '<your secret>' adds the row it reads first."
                + " OWASP SQL Injection Prevention cheat sheet; WebGoat's JWT 'kid' lesson");
    }

    @Test
    @Order(3)
    @DisplayName("A8 · defence: an allow-listed key map (your KeyRing) says UNKNOWN_KEY to both, and the real tokens pass")
    void defence() {
        String realFile = Lab.login(legacy, "a8-file");
        String realSql = Lab.login(legacy, "a8-sql");
        String traversal = KidInjection.traversal(realFile, legacy.uri("/a8-file/public/welcome.txt"));
        String injection = KidInjection.sql(realSql);
        assertThat(configured("a8-file").verify(realFile)).as("the real token%s", Lab.show(realFile)).containsEntry("role", "user");
        assertThat(configured("a8-sql").verify(realSql)).as("the real token%s", Lab.show(realSql)).containsEntry("role", "user");
        String why = "kid is a name to look up in a map loaded from configuration — never a path, never a piece of SQL"
                + " (RFC 8725 3.10: kid must not be trusted to select keys outside the application's control)";
        Lab.assertRejected(() -> configured("a8-file").verify(traversal), TokenRejected.Reason.UNKNOWN_KEY, traversal, why);
        Lab.assertRejected(() -> configured("a8-sql").verify(injection), TokenRejected.Reason.UNKNOWN_KEY, injection, why);
    }

    @Test
    @Order(4)
    @DisplayName("A8 · the traversal exploit refuses a known file that is not on loopback (NotLoopback)")
    void loopbackOnly() {
        String real = Lab.login(legacy, "a8-file");
        ExpectThrow.expect(NotLoopback.class, "KidInjection.traversal(token, URI.create(\"http://10.0.0.8/welcome.txt\"))",
                () -> KidInjection.traversal(real, URI.create("http://10.0.0.8/welcome.txt")),
                "kit policy: attack code targets only this machine — Loopback.require(uri), or Http.get, which calls it");
    }
}
