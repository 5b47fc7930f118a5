package workshop.jwt;

import static workshop.jwt.Fixtures.rejects;
import static workshop.jwt.TokenRejected.Reason.MALFORMED;
import static workshop.jwt.TokenRejected.Reason.UNSUPPORTED_CRITICAL;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Order(5)
@DisplayName("J5 · crit: extensions you do not implement make a token invalid")
class CriticalHeaderTest {

    /** A correctly signed token (RFC key) whose header has these extra fields. */
    static String withHeaderFields(String fields) {
        return Fixtures.hs256(Fixtures.RFC_KEY, "{\"alg\":\"HS256\",\"typ\":\"at+jwt\"" + fields + "}", "{\"sub\":\"alice\"}");
    }

    static Stream<Arguments> wellFormed() {
        return Stream.of(
                Arguments.of("crit [\"exp2\"], an extension of its own", ",\"crit\":[\"exp2\"],\"exp2\":1"),
                Arguments.of("crit [\"b64\"], RFC 7797 (unencoded payload)", ",\"crit\":[\"b64\"],\"b64\":true"));
    }

    @ParameterizedTest(name = "{0}")
    @Order(1)
    @MethodSource("wellFormed")
    @DisplayName("J5 · a well-formed crit is UNSUPPORTED_CRITICAL: this verifier implements no extension")
    void unsupported(String name, String fields) {
        String token = withHeaderFields(fields);
        rejects(UNSUPPORTED_CRITICAL, token, "RFC 7515 4.1.11: crit lists header extensions the recipient MUST understand, "
                + "or the JWS is invalid. Your verifiers implement none, so any well-formed crit refuses the token, "
                + "however well it is signed", () -> TokenPrecheck.check(token, 8192));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("crit [], an empty list", ",\"crit\":[]"),
                Arguments.of("crit \"exp2\", a string, not a list", ",\"crit\":\"exp2\",\"exp2\":1"),
                Arguments.of("crit [1], a number in the list", ",\"crit\":[1]"),
                Arguments.of("crit null", ",\"crit\":null"),
                Arguments.of("crit [\"exp2\"], a parameter the header lacks", ",\"crit\":[\"exp2\"]"),
                Arguments.of("crit [\"alg\"], a parameter RFC 7515 registers", ",\"crit\":[\"alg\"]"));
    }

    @ParameterizedTest(name = "{0}")
    @Order(2)
    @MethodSource("malformed")
    @DisplayName("J5 · a crit that is not a non-empty list of extension names in the header is MALFORMED")
    void malformed(String name, String fields) {
        String token = withHeaderFields(fields);
        rejects(MALFORMED, token, "RFC 7515 4.1.11: crit is a non-empty JSON array of strings, each naming a parameter "
                + "that is in the header and is not one RFC 7515 defines (alg, kid, typ…). Anything else is a broken "
                + "header, not an extension: MALFORMED. (jjwt 0.13 alone accepts [] and null and reads a string as a list.)",
                () -> TokenPrecheck.check(token, 8192));
    }
}
