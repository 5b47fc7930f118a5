package workshop.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workshop.katasupport.ExpectThrow;
import workshop.simulator.MutableClock;
import workshop.simulator.SimulatorExtension;
import workshop.simulator.legacy.LegacyJwtServer;
import workshop.simulator.legacy.Pem;

@Order(5)
@DisplayName("A5 · algorithm confusion with no exposed key: the modulus from two signatures")
class ModulusRecoveryTest {

    static final MutableClock clock = MutableClock.atWorkshopStart();
    static final BigInteger THREE = BigInteger.valueOf(3);

    @RegisterExtension
    static final SimulatorExtension legacy = SimulatorExtension.of(LegacyJwtServer::start, clock);

    static RSAPublicKey serverKey() {
        return (RSAPublicKey) Lab.control(legacy).publicKey("a5");
    }

    @Test
    @Order(1)
    @DisplayName("A5 · exploit: gcd(s1^3 − m1, s2^3 − m2) is the server's modulus, and its PEM text signs an admin token")
    void exploit() {
        String first = Lab.login(legacy, "a5");
        String second = Lab.login(legacy, "a5");
        var n = ModulusRecovery.modulus(first, second, THREE);
        assertThat(n).as("s^e ≡ m (mod n) for every signature, so n divides both s1^e − m1 and s2^e − m2, and their gcd is"
                + " n times a small cofactor. m is the EMSA-PKCS1-v1_5 block (RFC 8017 9.2): 00 01 FF…FF 00, the DER"
                + " DigestInfo of SHA-256, then the SHA-256 of the signing input, k = signature length bytes. This demo"
                + " server's public exponent is 3 (see the notebook, A5)").contains(serverKey().getModulus());
        String pem = ModulusRecovery.pem(n.orElseThrow(), THREE);
        assertThat(pem).as("the PEM text, byte for byte as the server would write it: -----BEGIN PUBLIC KEY-----, LF,"
                + " base64 of getEncoded() in 64-character lines, each ending in LF, -----END PUBLIC KEY-----, LF (RFC 7468)")
                .isEqualTo(Pem.publicKey(serverKey()));
        String forged = Forgery.signedAdmin(first, Map.of(), pem.getBytes(StandardCharsets.US_ASCII));
        Lab.assertBreaksIn(legacy, "a5", forged, "the a5 endpoint has A4's flaw; hiding the public key did not hide it"
                + " (PortSwigger: 'algorithm confusion with no exposed key')");
    }

    @Test
    @Order(2)
    @DisplayName("A5 · a wrong guess of e gives no modulus (Optional.empty), and e above the kit's bound is refused at once")
    void wrongExponent() {
        String first = Lab.login(legacy, "a5");
        String second = Lab.login(legacy, "a5");
        assertThat(ModulusRecovery.modulus(first, second, BigInteger.valueOf(5)))
                .as("with e = 5 the gcd is some small number, not a 2048-bit modulus that verifies s1: check the size and"
                        + " that s1^e mod n == m1 before you trust a candidate").isEmpty();
        ExpectThrow.expect(IllegalArgumentException.class, "ModulusRecovery.modulus(t1, t2, 65537)",
                () -> ModulusRecovery.modulus(first, second, BigInteger.valueOf(65537)),
                "kit policy: attack code is bounded. s^65537 of a 2048-bit s has 134 million bits and takes seconds; the gcd"
                        + " of two such numbers is out of reach for BigInteger (no subquadratic gcd) — refuse e > MAX_EXPONENT");
    }

    @Test
    @Order(3)
    @DisplayName("A5 · defence: your KeyRing (A4) refuses the forged token with ALGORITHM_NOT_ALLOWED, the real one passes")
    void defence() {
        String first = Lab.login(legacy, "a5");
        String second = Lab.login(legacy, "a5");
        String pem = ModulusRecovery.pem(ModulusRecovery.modulus(first, second, THREE).orElseThrow(), THREE);
        String forged = Forgery.signedAdmin(first, Map.of(), pem.getBytes(StandardCharsets.US_ASCII));
        KeyRing ring = new KeyRing(Map.of(Lab.control(legacy).kid("a5"), new TrustedKey("RS256", serverKey())));
        assertThat(ring.verify(first)).as("the real token%s", Lab.show(first)).containsEntry("role", "user");
        Lab.assertRejected(() -> ring.verify(forged), TokenRejected.Reason.ALGORITHM_NOT_ALLOWED, forged,
                "a secret public key is no defence: one algorithm per key is (RFC 8725 3.1)");
    }
}
