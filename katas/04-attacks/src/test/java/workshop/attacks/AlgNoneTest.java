package workshop.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workshop.simulator.MutableClock;
import workshop.simulator.SimulatorExtension;
import workshop.simulator.legacy.LegacyJwtServer;

@Order(2)
@DisplayName("A2 · alg none and a stripped signature: an allow-list of algorithms")
class AlgNoneTest {

    static final MutableClock clock = MutableClock.atWorkshopStart();

    @RegisterExtension
    static final SimulatorExtension legacy = SimulatorExtension.of(LegacyJwtServer::start, clock);

    @Test
    @Order(1)
    @DisplayName("A2 · exploit: alg none in four casings, and the real header with no signature, all open the admin page")
    void exploit() {
        String real = Lab.login(legacy, "a2");
        List<String> forged = Forgery.unsigned(real);
        assertThat(forged).as("five tokens: alg none, None, NONE, nOnE, then the real header with the signature stripped")
                .hasSize(5);
        List<Object> algs = forged.stream().map(t -> Jwt.header(t).get("alg")).toList();
        assertThat(algs).as("the alg of each forged token, in this order (RFC 7518 3.6 defines \"none\"; a check that"
                + " lower-cases it, or compares it case-insensitively, lets every casing through)")
                .containsExactly("none", "None", "NONE", "nOnE", "HS256");
        for (String token : forged) {
            assertThat(Jwt.parts(token)[2]).as("an unsecured JWS has an EMPTY signature part: the token ends with '.'%s",
                    Lab.show(token)).isEmpty();
            assertThat(Jwt.payload(token)).as("role admin, the rest of alice's claims kept%s", Lab.show(token))
                    .containsEntry("role", "admin").containsEntry("sub", LegacyJwtServer.USER);
            Lab.assertBreaksIn(legacy, "a2", token, "the a2 endpoint accepts an unsecured token ('alg' none in any casing)"
                    + " and treats an empty signature as 'unsigned, fine'");
        }
    }

    @Test
    @Order(2)
    @DisplayName("A2 · defence: every alg none is ALGORITHM_NOT_ALLOWED, the stripped signature BAD_SIGNATURE, the real token passes")
    void defence() {
        String real = Lab.login(legacy, "a2");
        List<String> forged = Forgery.unsigned(real);
        HmacVerifier verifier = new HmacVerifier(Lab.control(legacy).hmacKey("a2"));
        Map<String, Object> claims = verifier.verify(real);
        assertThat(claims).as("the legitimate flow still works%s", Lab.show(real)).containsEntry("role", "user");
        for (String token : forged.subList(0, 4)) {
            Lab.assertRejected(() -> verifier.verify(token), TokenRejected.Reason.ALGORITHM_NOT_ALLOWED, token,
                    "the verifier knows which algorithm its key is for (HS256) and accepts that one exactly, before it"
                            + " looks at the signature: an allow-list, never the token's word for it (RFC 8725 3.1:"
                            + " 'libraries MUST enable the caller to specify a supported set of algorithms'; OWASP JWT cheat sheet)");
        }
        String stripped = forged.get(4);
        Lab.assertRejected(() -> verifier.verify(stripped), TokenRejected.Reason.BAD_SIGNATURE, stripped,
                "alg says HS256, so a signature is required: an empty one is simply wrong (RFC 7515 5.2), never 'unsigned'");
    }

    @Test
    @Order(3)
    @DisplayName("A2 · defence: a missing alg, HS512 and RS256 are not HS256 either (ALGORITHM_NOT_ALLOWED)")
    void otherAlgorithms() {
        String real = Lab.login(legacy, "a2");
        HmacVerifier verifier = new HmacVerifier(Lab.control(legacy).hmacKey("a2"));
        String[] parts = Jwt.parts(real);
        for (Map<String, Object> header : List.<Map<String, Object>>of(Map.of("typ", "JWT"), Map.of("alg", "HS512"),
                Map.of("alg", "RS256"), Map.of("alg", "hs256"))) {
            String token = Jwt.part(header) + "." + parts[1] + "." + parts[2];
            Lab.assertRejected(() -> verifier.verify(token), TokenRejected.Reason.ALGORITHM_NOT_ALLOWED, token,
                    "exactly \"HS256\": algorithm names are case-sensitive (RFC 7515 4.1.1), and a missing alg is no alg");
        }
    }
}
