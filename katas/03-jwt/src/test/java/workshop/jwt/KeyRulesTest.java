package workshop.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

@Order(5)
@DisplayName("J5 · key rules")
class KeyRulesTest {

    static byte[] random(int bytes) {
        byte[] key = new byte[bytes];
        new SecureRandom().nextBytes(key);
        return key;
    }

    static RSAPublicKey rsa(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return (RSAPublicKey) generator.generateKeyPair().getPublic();
    }

    @Test
    @Order(1)
    @DisplayName("J5 · new HMAC keys are as long as the hash output (256/384/512 bits) and random")
    void newKeys() {
        SecretKey hs256 = KeyRules.newHmacKey("HS256");
        assertThat(hs256.getEncoded()).as("RFC 7518 3.2: an HS256 key has at least 256 bits").hasSize(32);
        assertThat(KeyRules.newHmacKey("HS384").getEncoded()).as("HS384 needs 384 bits").hasSize(48);
        assertThat(KeyRules.newHmacKey("HS512").getEncoded()).as("HS512 needs 512 bits").hasSize(64);
        assertThat(KeyRules.newHmacKey("HS256").getEncoded()).as("two keys from a SecureRandom never repeat")
                .isNotEqualTo(hs256.getEncoded());
    }

    @Test
    @Order(2)
    @DisplayName("J5 · an HMAC key shorter than the hash output is refused")
    void shortKeys() {
        assertThat(Fixtures.thrown(() -> KeyRules.requireHmacKey(random(16), "HS256")))
                .as("128 bits for HS256: RFC 7518 3.2 requires a key at least as long as the hash (256 bits)")
                .isInstanceOf(KeyRejected.class).hasMessageContaining("256");
        assertThat(Fixtures.thrown(() -> KeyRules.requireHmacKey(random(32), "HS384")))
                .as("256 bits are enough for HS256 but not for HS384")
                .isInstanceOf(KeyRejected.class).hasMessageContaining("384");
        assertThatCode(() -> KeyRules.requireHmacKey(random(64), "HS512")).as("512 random bits suit HS512").doesNotThrowAnyException();
    }

    @Test
    @Order(3)
    @DisplayName("J5 · a password is never an HMAC key, however long")
    void passwordIsNotAKey() {
        byte[] password = "correct-horse-battery-staple-2026!".getBytes(StandardCharsets.UTF_8);
        assertThat(Fixtures.thrown(() -> KeyRules.requireHmacKey(password, "HS256")))
                .as("%d bytes, but all printable: a password has far less entropy than its length and can be "
                        + "brute-forced offline from any token (RFC 8725 3.5). Use a random key.", password.length)
                .isInstanceOf(KeyRejected.class);
    }

    @Test
    @Order(4)
    @DisplayName("J5 · an unknown HMAC algorithm is refused")
    void unknownAlgorithm() {
        assertThat(Fixtures.thrown(() -> KeyRules.newHmacKey("HS1")))
                .as("only HS256, HS384 and HS512 exist (RFC 7518 3.1)").isInstanceOf(KeyRejected.class);
    }

    @Test
    @Order(5)
    @DisplayName("J5 · RSA keys have at least 2048 bits")
    void rsaKeys() throws Exception {
        assertThat(Fixtures.thrown(() -> KeyRules.requireRsaKey(rsa(1024))))
                .as("RFC 7518 3.3: a key of size 2048 bits or larger MUST be used with RS256")
                .isInstanceOf(KeyRejected.class).hasMessageContaining("2048");
        assertThatCode(() -> KeyRules.requireRsaKey(rsa(2048))).doesNotThrowAnyException();
    }
}
