package workshop.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workshop.katasupport.ExpectThrow;
import workshop.simulator.MutableClock;
import workshop.simulator.SimulatorExtension;
import workshop.simulator.legacy.LegacySessionServer;

@Order(13)
@DisplayName("A13 · an auth cookie that is only encoded: base64 is not encryption")
class EncodedCookieTest {

    static final MutableClock clock = MutableClock.atWorkshopStart();

    @RegisterExtension
    static final SimulatorExtension legacy = SimulatorExtension.of(LegacySessionServer::start, clock);

    static LegacySessionServer control() {
        return LegacySessionServer.of(legacy.server());
    }

    @BeforeEach
    void flawedAgain() {
        control().reset();
    }

    static String signInAsAlice() {
        Http.Answer answer = Http.postForm(legacy.uri("/a13/login"),
                Map.of("username", LegacySessionServer.USER, "password", LegacySessionServer.PASSWORD));
        return answer.cookie("a13_auth").orElseThrow(() -> new AssertionError("the a13 sign-in set no cookie: " + answer));
    }

    static Http.Answer admin(String cookie) {
        return Http.getWithCookie(legacy.uri("/a13/admin"), "a13_auth=" + cookie);
    }

    @Test
    @Order(1)
    @DisplayName("A13 · exploit: decode alice's auth cookie, make her an admin, encode it again")
    void exploit() {
        String real = signInAsAlice();
        String forged = CookieForgery.asAdmin(real);
        Http.Answer answer = admin(forged);
        assertThat(answer.status()).as("GET /a13/admin with your cookie should open the admin page (ATTACK DEMO: OWASP"
                + " WebGoat's 'Spoof an authentication cookie').\n  alice's cookie: %s\n  yours:          %s\n  the server said: %s",
                real, forged, answer.body().strip()).isEqualTo(200);
        assertThat(answer.body()).contains(control().adminData());
    }

    @Test
    @Order(2)
    @DisplayName("A13 · defence: with your SignedCookie the forged cookie is refused, and alice still signs in")
    void defence() {
        SignedCookie codec = new SignedCookie(control().cookieKey());
        control().useCookieCodec(codec::seal, codec::open);
        String real = signInAsAlice();
        Http.Answer me = Http.getWithCookie(legacy.uri("/a13/me"), "a13_auth=" + real);
        assertThat(me.body()).as("the legitimate flow still works: alice's sealed cookie (%s) reads back", real)
                .contains("signed in as alice (role user)");

        String forged;
        try {
            forged = CookieForgery.asAdmin(real);
        } catch (IllegalArgumentException | IllegalStateException e) {
            forged = null; // the exploit cannot even read the new format: the defence holds
        }
        if (forged != null) {
            assertThat(admin(forged).status()).as("your exploit's cookie %s must be refused: its tag no longer matches", forged)
                    .isEqualTo(401);
        }
        String otherKey = new SignedCookie(randomKey()).seal("user=alice|role=admin");
        assertThat(admin(otherKey).status()).as("a cookie sealed with ANOTHER key (%s) must be refused: only the configured"
                + " key counts", otherKey).isEqualTo(401);
    }

    @Test
    @Order(3)
    @DisplayName("A13 · defence: a changed value, a tag from another key or a malformed cookie reads as empty, never throws")
    void codecRules() {
        SignedCookie codec = new SignedCookie(randomKey());
        String value = "user=zoë|role=user";
        String sealed = codec.seal(value);
        assertThat(sealed).as("a cookie value may hold no space, comma, semicolon, backslash or quote (RFC 6265 4.1.1)")
                .matches("[!#-+\\--:<-\\[\\]-~]+");
        assertThat(codec.open(sealed)).as("what seal wrote, open reads back: %s", sealed).hasValue(value);

        for (int i = 0; i < sealed.length(); i++) {
            String changed = sealed.substring(0, i) + flipped(sealed.charAt(i)) + sealed.substring(i + 1);
            assertThat(codec.open(changed)).as("one character changed at position %d (%s) must be refused: compare the"
                    + " recomputed HMAC with MessageDigest.isEqual (constant time)", i, changed).isEmpty();
        }
        assertThat(codec.open(new SignedCookie(randomKey()).seal(value))).as("sealed with another key").isEmpty();
        for (String malformed : new String[] {"", "no-dot", ".", "a.b.c", "%%%.***", sealed + "."}) {
            assertThat(codec.open(malformed)).as("open(\"%s\") — a malformed cookie is refused, not an exception", malformed)
                    .isEmpty();
        }
        ExpectThrow.expect(IllegalArgumentException.class, "new SignedCookie(new byte[16])", () -> new SignedCookie(new byte[16]),
                "an HMAC-SHA256 key of 128 bits is too short: RFC 7518 3.2 asks for at least 256 bits (32 bytes)");
    }

    /** Another character that always changes the data: base64url's top bit of six flipped (never only a padding bit). */
    private static char flipped(char c) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int index = alphabet.indexOf(c);
        return index < 0 ? 'A' : alphabet.charAt(index ^ 32);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
