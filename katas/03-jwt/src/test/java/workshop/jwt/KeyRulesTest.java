package workshop.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static workshop.jwt.Fixtures.keyRejected;
import static workshop.jwt.Fixtures.explained;

import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import workshop.katasupport.ExpectThrow;

@Order(8)
@DisplayName("J8 · key rules: as long as the hash output")
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
    @DisplayName("J8 · new HMAC keys are as long as the hash output (256/384/512 bits) and random")
    void newKeys() {
        explained("RFC 7518 3.2: a key of the same size as the hash output or larger; from a SecureRandom, so two keys "
                + "never repeat", () -> {
                    SecretKey hs256 = KeyRules.newHmacKey("HS256");
                    assertThat(hs256.getEncoded()).as("newHmacKey(\"HS256\"): 256 bits").hasSize(32);
                    assertThat(KeyRules.newHmacKey("HS384").getEncoded()).as("newHmacKey(\"HS384\"): 384 bits").hasSize(48);
                    assertThat(KeyRules.newHmacKey("HS512").getEncoded()).as("newHmacKey(\"HS512\"): 512 bits").hasSize(64);
                    assertThat(KeyRules.newHmacKey("HS256").getEncoded()).as("a second newHmacKey(\"HS256\")")
                            .isNotEqualTo(hs256.getEncoded());
                });
    }

    @Test
    @Order(2)
    @DisplayName("J8 · an HMAC key shorter than the hash output is KeyRejected, naming the bits it needs")
    void shortKeys() {
        keyRejected("256", "128 bits for HS256: RFC 7518 3.2 requires a key at least as long as the hash (256 bits); "
                + "say in the message how many bits the algorithm needs", () -> KeyRules.requireHmacKey(random(16), "HS256"));
        keyRejected("384", "256 bits are enough for HS256 but not for HS384 (RFC 7518 3.2)",
                () -> KeyRules.requireHmacKey(random(32), "HS384"));
        explained("512 random bits suit HS512: requireHmacKey(64 random bytes, \"HS512\") must not throw",
                () -> KeyRules.requireHmacKey(random(64), "HS512"));
    }

    static Stream<Arguments> unknownAlgorithms() {
        return Stream.of(
                Arguments.of("newHmacKey(\"HS1\")", (ExpectThrow.Run) () -> KeyRules.newHmacKey("HS1")),
                Arguments.of("newHmacKey(\"none\")", (ExpectThrow.Run) () -> KeyRules.newHmacKey("none")),
                Arguments.of("requireHmacKey(32 bytes, \"hs256\")", (ExpectThrow.Run) () -> KeyRules.requireHmacKey(random(32), "hs256")));
    }

    @ParameterizedTest(name = "{0}")
    @Order(3)
    @MethodSource("unknownAlgorithms")
    @DisplayName("J8 · an unknown HMAC algorithm (HS1, none, hs256) is KeyRejected, naming the three that exist")
    void unknownAlgorithm(String call, ExpectThrow.Run code) {
        keyRejected("HS256, HS384 or HS512", call + ": only HS256, HS384 and HS512 exist (RFC 7518 3.1), spelled exactly so: refuse "
                + "anything else with KeyRejected, and say in the message which three to use", code);
    }

    @Test
    @Order(4)
    @DisplayName("J8 · RSA keys have at least 2048 bits")
    void rsaKeys() throws Exception {
        RSAPublicKey weak = rsa(1024);
        keyRejected("2048", "a 1024-bit key: RFC 7518 3.3 says a key of size 2048 bits or larger MUST be used with RS256",
                () -> KeyRules.requireRsaKey(weak));
        RSAPublicKey strong = rsa(2048);
        explained("2048 bits is the minimum, and enough: requireRsaKey(a 2048-bit key) must not throw",
                () -> KeyRules.requireRsaKey(strong));
    }
}
