package workshop.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workshop.katasupport.ExpectThrow;
import workshop.simulator.MutableClock;
import workshop.simulator.SimulatorExtension;
import workshop.simulator.legacy.LegacyJwtServer;

@Order(4)
@DisplayName("A4 · algorithm confusion: HS256 signed with the server's RSA public key")
class AlgorithmConfusionTest {

    static final MutableClock clock = MutableClock.atWorkshopStart();

    @RegisterExtension
    static final SimulatorExtension legacy = SimulatorExtension.of(LegacyJwtServer::start, clock);

    /** The legacy server's configuration for a4, as a key ring: its kid, RS256 only. */
    static KeyRing configured() {
        return new KeyRing(Map.of(Lab.control(legacy).kid("a4"), new TrustedKey("RS256", Lab.control(legacy).publicKey("a4"))));
    }

    @Test
    @Order(1)
    @DisplayName("A4 · exploit: an HS256 token whose HMAC secret is the published PEM text opens the admin page")
    void exploit() {
        String real = Lab.login(legacy, "a4");
        assertThat(Jwt.header(real)).as("alice's real token is RS256").containsEntry("alg", "RS256");
        String forged = AlgorithmConfusion.forge(real, legacy.uri("/a4/public.pem"));
        assertThat(Jwt.header(forged)).as("the forged token says HS256 and keeps the kid%s", Lab.show(forged))
                .containsEntry("alg", "HS256").containsEntry("kid", Lab.control(legacy).kid("a4"));
        Lab.assertBreaksIn(legacy, "a4", forged, "the a4 endpoint lets the token choose the algorithm: for HS256 it"
                + " uses its key's bytes as an HMAC secret — and its key is the PUBLIC key, as the PEM text it publishes"
                + " (every byte counts, the final newline too). PortSwigger: 'algorithm confusion'; RFC 8725 2.1, 3.1");
    }

    @Test
    @Order(2)
    @DisplayName("A4 · the exploit refuses a target that is not on loopback (NotLoopback) and sends nothing")
    void loopbackOnly() {
        String real = Lab.login(legacy, "a4");
        legacy.server().clearExchanges();
        ExpectThrow.expect(NotLoopback.class, "AlgorithmConfusion.forge(token, URI.create(\"http://example.com/public.pem\"))",
                () -> AlgorithmConfusion.forge(real, URI.create("http://example.com/public.pem")),
                "kit policy: attack code targets only this machine — call Loopback.require(uri) (or Http.get, which does)");
        assertThat(legacy.server().exchanges()).as("nothing was sent anywhere").isEmpty();
    }

    @Test
    @Order(3)
    @DisplayName("A4 · defence: your KeyRing gives each key one algorithm — the forged token is ALGORITHM_NOT_ALLOWED, the real one passes")
    void defence() {
        String real = Lab.login(legacy, "a4");
        String forged = AlgorithmConfusion.forge(real, legacy.uri("/a4/public.pem"));
        KeyRing ring = configured();
        assertThat(ring.verify(real)).as("the legitimate RS256 token still works%s", Lab.show(real))
                .containsEntry("sub", LegacyJwtServer.USER).containsEntry("role", "user");
        Lab.assertRejected(() -> ring.verify(forged), TokenRejected.Reason.ALGORITHM_NOT_ALLOWED, forged,
                "the key named by kid is an RS256 key, and the key, not the token, decides the algorithm (RFC 8725 3.1:"
                        + " 'each key MUST be used with exactly one algorithm'). Check alg against the configured key's"
                        + " algorithm before any signature check");
    }

    @Test
    @Order(4)
    @DisplayName("A4 · defence: a kid the configuration does not hold, or none, is UNKNOWN_KEY")
    void unknownKey() {
        String real = Lab.login(legacy, "a4");
        String[] parts = Jwt.parts(real);
        for (Map<String, Object> header : java.util.List.<Map<String, Object>>of(Map.of("alg", "RS256", "kid", "someone-else"),
                Map.of("alg", "RS256"))) {
            String token = Jwt.part(header) + "." + parts[1] + "." + parts[2];
            Lab.assertRejected(() -> configured().verify(token), TokenRejected.Reason.UNKNOWN_KEY, token,
                    "look kid up in the configured map; no entry, no key — never fall back to 'any key that works'");
        }
    }
}
