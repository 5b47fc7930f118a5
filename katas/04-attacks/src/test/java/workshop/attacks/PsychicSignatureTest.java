package workshop.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workshop.simulator.MutableClock;
import workshop.simulator.SimulatorExtension;
import workshop.simulator.legacy.FlawedEcdsa;
import workshop.simulator.legacy.LegacyJwtServer;

@Order(9)
@DisplayName("A9 · psychic signatures (CVE-2022-21449): ECDSA with r = s = 0")
class PsychicSignatureTest {

    static final MutableClock clock = MutableClock.atWorkshopStart();

    @RegisterExtension
    static final SimulatorExtension legacy = SimulatorExtension.of(LegacyJwtServer::start, clock);

    static ECPublicKey serverKey() {
        return (ECPublicKey) Lab.control(legacy).publicKey("a9");
    }

    /** r || s as 64 bytes, each 32 bytes big-endian (the test's own encoder). */
    static byte[] signature(BigInteger r, BigInteger s) {
        byte[] out = new byte[64];
        byte[] rb = HexFormat.of().parseHex(String.format("%064x", r));
        byte[] sb = HexFormat.of().parseHex(String.format("%064x", s));
        System.arraycopy(rb, rb.length - 32, out, 0, 32);
        System.arraycopy(sb, sb.length - 32, out, 32, 32);
        return out;
    }

    @Test
    @Order(1)
    @DisplayName("A9 · exploit: an admin token with a signature of 64 zero bytes opens the admin page")
    void exploit() {
        String real = Lab.login(legacy, "a9");
        String forged = PsychicSignature.forge(real);
        assertThat(Jwt.signature(forged)).as("r = 0 and s = 0: 64 zero bytes (ES256 writes r || s, RFC 7518 3.4)%s",
                Lab.show(forged)).hasSize(64).containsOnly(0);
        assertThat(Jwt.header(forged)).as("the original header: ES256 and its kid").isEqualTo(Jwt.header(real));
        Lab.assertBreaksIn(legacy, "a9", forged, "the a9 endpoint's hand-written verifier skips the range check: with"
                + " s = 0 the 'inverse' s^(n-2) mod n is 0, so u1·G + u2·Q is the point at infinity, its x is read as 0,"
                + " and 0 == r. JDK 15 to 17.0.2 and 18 shipped exactly this (CVE-2022-21449)");
    }

    @Test
    @Order(2)
    @DisplayName("A9 · defence: inRange refuses r or s outside [1, n − 1] and a wrong length, accepts real signatures")
    void range() {
        BigInteger n = serverKey().getParams().getOrder();
        BigInteger one = BigInteger.ONE;
        String why = "FIPS 186-4 6.4.2 and SEC 1 4.1.4 step 1: verify that r and s are integers in [1, n − 1], and reject"
                + " the signature otherwise — before any arithmetic";
        assertThat(PsychicSignature.inRange(new byte[64], n)).as("r = s = 0. " + why).isFalse();
        assertThat(PsychicSignature.inRange(signature(n, one), n)).as("r = n (≡ 0 mod n). " + why).isFalse();
        assertThat(PsychicSignature.inRange(signature(one, n), n)).as("s = n. " + why).isFalse();
        assertThat(PsychicSignature.inRange(signature(one, BigInteger.ZERO), n)).as("s = 0. " + why).isFalse();
        assertThat(PsychicSignature.inRange(signature(n.subtract(one), n.subtract(one)), n)).as("r = s = n − 1 is in range")
                .isTrue();
        assertThat(PsychicSignature.inRange(new byte[63], n)).as("ES256 signatures are exactly 64 bytes").isFalse();
        String real = Lab.login(legacy, "a9");
        assertThat(PsychicSignature.inRange(Jwt.signature(real), n)).as("alice's real signature%s", Lab.show(real)).isTrue();
    }

    @Test
    @Order(3)
    @DisplayName("A9 · defence: the range check is exactly what the flawed verifier lacks — with it, zeros fail and real tokens pass")
    void patched() {
        String real = Lab.login(legacy, "a9");
        String forged = PsychicSignature.forge(real);
        BigInteger n = serverKey().getParams().getOrder();
        FlawedEcdsa flawed = new FlawedEcdsa(serverKey());
        for (String token : new String[] {real, forged}) {
            boolean patched = PsychicSignature.inRange(Jwt.signature(token), n)
                    && flawed.verify(Jwt.signingInput(token), Jwt.signature(token));
            assertThat(patched).as("inRange(signature) && the legacy server's own verifier%s", Lab.show(token))
                    .isEqualTo(token.equals(real));
        }
    }

    @Test
    @Order(4)
    @DisplayName("A9 · defence: your KeyRing verifies ES256 with the range check — the forged token is BAD_SIGNATURE, the real one passes")
    void keyRing() {
        String real = Lab.login(legacy, "a9");
        String forged = PsychicSignature.forge(real);
        KeyRing ring = new KeyRing(Map.of(Lab.control(legacy).kid("a9"), new TrustedKey("ES256", serverKey())));
        assertThat(ring.verify(real)).as("the real ES256 token: Signature.getInstance(\"SHA256withECDSAinP1363Format\")"
                + " takes JWS's r || s form directly%s", Lab.show(real)).containsEntry("role", "user");
        Lab.assertRejected(() -> ring.verify(forged), TokenRejected.Reason.BAD_SIGNATURE, forged,
                "check inRange first, then the JDK's verifier (fixed since 17.0.3 — the kit's build requires it — but"
                        + " defence in depth costs one comparison)");
    }
}
