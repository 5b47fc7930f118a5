package workshop.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workshop.simulator.MutableClock;
import workshop.simulator.SimulatorExtension;
import workshop.simulator.legacy.LegacyJwtServer;

@Order(1)
@DisplayName("A1 · unverified signature: decoding is not verifying")
class UnverifiedSignatureTest {

    static final MutableClock clock = MutableClock.atWorkshopStart();

    @RegisterExtension
    static final SimulatorExtension legacy = SimulatorExtension.of(LegacyJwtServer::start, clock);

    @Test
    @Order(1)
    @DisplayName("A1 · exploit: role admin in the payload, the old signature kept, opens the legacy admin page")
    void exploit() {
        String real = Lab.login(legacy, "a1");
        String forged = Forgery.roleAdmin(real);
        assertThat(Jwt.payload(forged))
                .as("change only the claim role to \"admin\"; keep sub and the other claims (they are what the server reads)%s",
                        Lab.show(forged))
                .containsEntry("role", "admin").containsEntry("sub", LegacyJwtServer.USER)
                .containsEntry("exp", Jwt.payload(real).get("exp"));
        assertThat(Jwt.parts(forged)[2])
                .as("keep the original signature: this server never checks it, it only decodes the payload")
                .isEqualTo(Jwt.parts(real)[2]);
        Lab.assertBreaksIn(legacy, "a1", forged, "the a1 endpoint decodes the token and trusts it, the flaw PortSwigger calls"
                + " 'JWT authentication bypass via unverified signature' (decode() used where verify() was meant)");
    }

    @Test
    @Order(2)
    @DisplayName("A1 · defence: your HmacVerifier accepts the real token and refuses the forged one (BAD_SIGNATURE)")
    void defence() {
        String real = Lab.login(legacy, "a1");
        String forged = Forgery.roleAdmin(real);
        HmacVerifier verifier = new HmacVerifier(Lab.control(legacy).hmacKey("a1"));
        Map<String, Object> claims = verifier.verify(real);
        assertThat(claims).as("the legitimate flow still works: the real token's claims%s", Lab.show(real))
                .containsEntry("sub", LegacyJwtServer.USER).containsEntry("role", "user");
        Lab.assertRejected(() -> verifier.verify(forged), TokenRejected.Reason.BAD_SIGNATURE, forged,
                "recompute HMAC-SHA256 over the token's first two parts with the configured key and compare it with the"
                        + " signature (MessageDigest.isEqual, constant time). The signature covers the payload, so a changed"
                        + " payload no longer matches (RFC 7515 5.2; OWASP JWT cheat sheet: always verify the signature)");
    }

    @Test
    @Order(3)
    @DisplayName("A1 · defence: a token signed with another key is BAD_SIGNATURE, even with a plausible payload")
    void anotherKey() throws Exception {
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        String real = Lab.login(legacy, "a1");
        String input = Jwt.parts(real)[0] + "." + Jwt.parts(real)[1];
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(otherKey, "HmacSHA256"));
        String signedElsewhere = input + "." + Jwt.encode(mac.doFinal(input.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        Lab.assertRejected(() -> new HmacVerifier(Lab.control(legacy).hmacKey("a1")).verify(signedElsewhere),
                TokenRejected.Reason.BAD_SIGNATURE, signedElsewhere,
                "a valid HS256 signature under ANOTHER key proves nothing: only the configured key counts (RFC 7515 5.2)");
    }
}
