package workshop.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workshop.simulator.MutableClock;
import workshop.simulator.SimulatorExtension;
import workshop.simulator.legacy.LegacyJwtServer;

@Order(6)
@DisplayName("A6 · jwk header injection: a token that brings its own key")
class JwkInjectionTest {

    static final MutableClock clock = MutableClock.atWorkshopStart();

    @RegisterExtension
    static final SimulatorExtension legacy = SimulatorExtension.of(LegacyJwtServer::start, clock);

    @Test
    @Order(1)
    @DisplayName("A6 · exploit: RS256 signed with your own key, its public half in the jwk header, opens the admin page")
    void exploit() {
        String real = Lab.login(legacy, "a6");
        String forged = KeyInjection.jwk(real);
        Map<String, Object> header = Jwt.header(forged);
        assertThat(header).as("alg RS256, the original kid, and a jwk%s", Lab.show(forged))
                .containsEntry("alg", "RS256").containsEntry("kid", Lab.control(legacy).kid("a6")).containsKey("jwk");
        assertThat(header.get("jwk")).as("a public RSA JWK: kty RSA, n and e as base64url (RFC 7518 6.3.1), never d")
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("kty", "RSA").containsKeys("n", "e").doesNotContainKey("d");
        Lab.assertBreaksIn(legacy, "a6", forged, "the a6 endpoint verifies with the key the token carries (RFC 7515"
                + " 4.1.3 allows a jwk header; trusting it lets anyone sign). PortSwigger: 'JWT authentication bypass via"
                + " jwk header injection' (CVE-2018-0114 in node-jose)");
    }

    @Test
    @Order(2)
    @DisplayName("A6 · defence: your KeyRing ignores jwk — the forged token is BAD_SIGNATURE under the configured key")
    void defence() {
        String real = Lab.login(legacy, "a6");
        String forged = KeyInjection.jwk(real);
        KeyRing ring = new KeyRing(Map.of(Lab.control(legacy).kid("a6"), new TrustedKey("RS256", Lab.control(legacy).publicKey("a6"))));
        assertThat(ring.verify(real)).as("the real token%s", Lab.show(real)).containsEntry("role", "user");
        Lab.assertRejected(() -> ring.verify(forged), TokenRejected.Reason.BAD_SIGNATURE, forged,
                "keys come only from configuration: the kid picks one of YOUR keys, and the jwk in the header is never"
                        + " used (RFC 8725 3.10 on trusting header keys; OWASP JWT cheat sheet)");
    }
}
