package workshop.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workshop.simulator.ExchangePrinter;
import workshop.simulator.MutableClock;
import workshop.simulator.SessionBackend;
import workshop.simulator.SessionSite;
import workshop.simulator.SimulatorExtension;

@Order(12)
@DisplayName("S12 · your store behind real HTTP")
class S12OwnStoreOverHttpTest {

    private static final Instant START = MutableClock.atWorkshopStart().instant();

    // The site starts once for the class; every test gets the clock back at START and an empty store (see reset()).
    static final MutableClock clock = new MutableClock(START);
    static volatile SessionStore store;

    /** The simulated site speaks HTTP and cookies; YOUR SessionStore keeps the state and decides what is alive. */
    @RegisterExtension
    static final SimulatorExtension site = SimulatorExtension.of(c -> SessionSite.start(c, new YourStore()), clock);

    @BeforeEach
    void reset() {
        clock.set(START);
        store = new SessionStore(clock, Duration.ofMinutes(15), Duration.ofHours(8));
    }

    /** Adapts the current test's SessionStore to the simulator's SessionBackend (text attributes). */
    static final class YourStore implements SessionBackend {
        @Override
        public String login(String presentedId, String user) {
            return store.login(presentedId, user).id();
        }

        @Override
        public Optional<LiveSession> find(String id) {
            return store.find(id).map(session -> new LiveSession() {
                @Override
                public String user() {
                    return session.user().orElse("(anonymous)");
                }

                @Override
                public Optional<String> attribute(String name) {
                    return session.attribute(name).map(String::valueOf);
                }

                @Override
                public void setAttribute(String name, String value) {
                    session.setAttribute(name, value);
                }
            });
        }

        @Override
        public boolean invalidate(String id) {
            return store.invalidate(id);
        }
    }

    private final SessionClient client = new SessionClient(site.baseUri());

    private String login(SessionClient who) {
        HttpResponse<String> response = who.login("ada", "lovelace");
        assertThat(response.statusCode())
                .as("POST /login is answered by YOUR SessionStore.login; a 500 names the step that is missing:%n%s",
                        ExchangePrinter.format(response))
                .isEqualTo(200);
        return who.sessionId().orElseThrow();
    }

    @Test
    @Order(1)
    @DisplayName("S12 · a login over HTTP creates a session in your store")
    void loginLandsInYourStore() {
        String id = login(client);
        assertThat(store.find(id).flatMap(Session::user))
                .as("the ID in the browser's cookie is the key of a session in your store, with the user on the server side")
                .contains("ada");
    }

    @Test
    @Order(2)
    @DisplayName("S12 · the cart over HTTP lives in your store's attributes")
    void cartInYourStore() {
        String id = login(client);
        client.addToCart("tea");
        assertThat(client.cart().body()).isEqualTo("tea\n");
        assertThat(store.find(id).flatMap(s -> s.attribute("cart")))
                .as("POST /cart wrote the attribute 'cart' of your session").contains("tea");
    }

    @Test
    @Order(3)
    @DisplayName("S12 · your idle timeout answers 401 over HTTP")
    void idleTimeoutOverHttp() {
        login(client);
        clock.advance(Duration.ofMinutes(16));
        HttpResponse<String> response = client.me();
        assertThat(response.statusCode())
                .as("16 minutes idle: your store must not find the session, so the site answers 401:%n%s", ExchangePrinter.format(response))
                .isEqualTo(401);
    }

    @Test
    @Order(4)
    @DisplayName("S12 · logout over HTTP ends the session in your store")
    void logoutOverHttp() {
        String id = login(client);
        HttpResponse<String> response = client.logout();
        assertThat(response.headers().allValues("Set-Cookie")).containsExactly(SessionSite.logoutCookie());
        assertThat(store.find(id)).as("POST /logout called your invalidate: the ID is dead on the server").isEmpty();
    }

    @Test
    @Order(5)
    @DisplayName("S12 · your kill switch logs out the other browser over HTTP")
    void killSwitchOverHttp() {
        SessionClient phone = new SessionClient(site.baseUri());
        String laptopId = login(client);
        login(phone);
        store.endOtherSessions("ada", laptopId);
        assertThat(phone.me().statusCode()).as("ada changed her password on the laptop: the phone's session is over").isEqualTo(401);
        assertThat(client.me().statusCode()).as("the laptop stays logged in").isEqualTo(200);
    }
}
