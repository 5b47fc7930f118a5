package workshop.attacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import workshop.simulator.JwtInspector;
import workshop.simulator.SimulatorExtension;
import workshop.simulator.legacy.LegacyJwtServer;

/** The tests' own access to the legacy server (ATTACK DEMO, loopback only) and shared assertions. */
final class Lab {

    private Lab() {
    }

    /** A real token of {@code step} for alice, from {@code POST /<step>/login}. */
    static String login(SimulatorExtension legacy, String step) {
        Http.Answer answer = Http.postForm(legacy.uri("/" + step + "/login"),
                Map.of("username", LegacyJwtServer.USER, "password", LegacyJwtServer.PASSWORD));
        assertThat(answer.status()).as("login at the legacy server\n" + legacy.transcript()).isEqualTo(200);
        return (String) json(answer.body()).get("token");
    }

    /** {@code GET /<step>/admin} with the token. */
    static Http.Answer admin(SimulatorExtension legacy, String step, String token) {
        return Http.get(legacy.uri("/" + step + "/admin"), token);
    }

    /** The legacy server's control panel: its configuration (keys), for the defences. */
    static LegacyJwtServer control(SimulatorExtension legacy) {
        return LegacyJwtServer.of(legacy.server());
    }

    /** Asserts the legacy server let the forged token in: 200 and its admin data. */
    static void assertBreaksIn(SimulatorExtension legacy, String step, String forged, String why) {
        Http.Answer answer = admin(legacy, step, forged);
        assertThat(answer.status())
                .as("GET /%s/admin with your forged token should open the admin page (ATTACK DEMO): %s%s\n  the server said: %s",
                        step, why, show(forged), answer.body())
                .isEqualTo(200);
        assertThat(answer.body()).as("the admin data").contains(control(legacy).adminData());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(String text) {
        try {
            return new ObjectMapper().readValue(text, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The token as an inspector shows it: header, payload, signature. */
    static String show(String token) {
        return "\n" + JwtInspector.text(token);
    }

    /**
     * What the call threw (null if nothing). An unimplemented step's UnsupportedOperationException is passed on as it
     * is, so its message ("A2 · … — see notebooks/04-attacks.ipynb") is what you see first.
     */
    static Throwable thrown(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        if (thrown instanceof UnsupportedOperationException notYet) {
            throw notYet;
        }
        return thrown;
    }

    /** Asserts the defence refused the token with {@code reason}; the message explains why and shows the token. */
    static void assertRejected(ThrowingCallable call, TokenRejected.Reason reason, String token, String why) {
        Throwable thrown = thrown(call);
        String explained = why + show(token);
        if (thrown == null) {
            fail("your defence ACCEPTED this token, expected TokenRejected(" + reason + "): " + explained);
        }
        assertThat(thrown).as("expected TokenRejected(%s): %s", reason, explained).isInstanceOf(TokenRejected.class);
        assertThat(((TokenRejected) thrown).reason())
                .as("%s\n  your defence said: %s", explained, thrown.getMessage())
                .isEqualTo(reason);
    }
}
