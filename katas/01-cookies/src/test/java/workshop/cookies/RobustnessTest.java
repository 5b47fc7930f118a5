package workshop.cookies;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import workshop.katasupport.OneLine;
import workshop.simulator.MutableClock;

@Order(12)
@DisplayName("A hostile server cannot crash the browser")
class RobustnessTest {

    /** Fixed, so a failure can be replayed; change it to explore other inputs. */
    private static final long SEED = 6265L;
    private static final int RANDOM_HEADERS = 5000;
    private static final URI PAGE = URI.create("https://www.site.example/a/b");
    private static final String[] PIECES = {"a", "id", "=", "==", ";", "; ", " ", "\t", "\"", ",", "\\", "Path", "path=/", "Domain=",
            "Domain=.", "Domain=site.example", "Expires=", "Expires=Sun, 06 Nov 1994 08:49:37 GMT", "Max-Age=", "Max-Age=-",
            "Max-Age=99999999999999999999", "Secure", "HttpOnly", "SameSite=", "SameSite=None", "__Host-", "__Secure-",
            "é", "🍪", "\u0000", "\u007f", "\r\n", ":", "99", "-1", "Nov", "/", "//", "%00", "ſecure"};

    private static List<String> nastyHeaders() {
        return List.of("", ";", ";;;;", "=", "==", " = ", "=;", "; Path=/", "a", "a=", "a=;", "a=b;;;;",
                "a=b; =", "a=b; =x", "a=b; Max-Age", "a=b; Max-Age=", "a=b; Max-Age=-", "a=b; Max-Age=99999999999999999999999",
                "a=b; Expires=", "a=b; Expires=99:99:99 99 Jan 99", "a=b; Domain=", "a=b; Domain=.", "a=b; Domain=..",
                "a=b; Path=", "a=b; SameSite=", "a=b; SameSite=Sideways", "\u0000=\u0000", "a=b\u0000c", "a\r\nSet-Cookie: x=y",
                "🍪=🍪; Path=/🍪", "x=" + "y".repeat(100_000), "x=y; Path=/" + "p".repeat(100_000), "x=y" + "; Secure".repeat(10_000),
                "__Host-=1", "__Secure-", "\t\t\t", "a=b; Domain=[::1]", "a=b; Domain=127.0.0.1");
    }

    private static List<String> randomHeaders() {
        Random random = new Random(SEED);
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < RANDOM_HEADERS; i++) {
            StringBuilder h = new StringBuilder();
            int parts = random.nextInt(12);
            for (int p = 0; p < parts; p++) {
                h.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x3000) : PIECES[random.nextInt(PIECES.length)]);
            }
            headers.add(h.toString());
        }
        return headers;
    }

    /**
     * Feeds one header to the parser and then to a jar, as a browser would. Each call is caught on its own, so a
     * failure is one line that names the call, the input and the exception — no stack trace to dig through.
     */
    private static void survives(String header, CookieJar jar, String which) {
        Optional<SetCookie> cookie = survive("parser (SetCookieParser.parse)", header, which, () -> SetCookieParser.parse(header));
        if (cookie == null) {
            throw new AssertionError("C18 · your parser returned null for Set-Cookie: " + shown(header) + " (" + which + ")."
                    + " Return Optional.empty() for a header it ignores, never null");
        }
        cookie.ifPresent(c -> {
            if ((c.name() + c.value()).isEmpty()) {
                throw new AssertionError("C18 · your parser made a cookie with an empty name AND an empty value from Set-Cookie: "
                        + shown(header) + " (" + which + "). RFC 6265bis 5.7: such a header is ignored — return Optional.empty()");
            }
        });
        survive("CookieJar.setCookie", header, which, () -> jar.setCookie(PAGE, header));
        survive("CookieJar.cookieHeader (after storing it)", header, which, () -> jar.cookieHeader(PAGE));
    }

    @FunctionalInterface
    private interface Call<T> {
        T run();
    }

    private static <T> T survive(String who, String header, String which, Call<T> call) {
        try {
            return call.run();
        } catch (RuntimeException | StackOverflowError e) { // one line, not a stack trace: the input is what the learner needs
            String at = OneLine.origin(e, "workshop.cookies");
            throw new AssertionError("C18 · your " + who + " threw " + OneLine.exception(e) + " on Set-Cookie: " + shown(header)
                    + (at.isEmpty() ? "" : " — at " + at) + " (" + which + "). A server controls this header, and what a browser"
                    + " cannot read it ignores (RFC 6265 5.2): return empty or a cookie, never throw");
        }
    }

    private static String shown(String header) {
        return header.isEmpty() ? "(empty)" : OneLine.text(header);
    }

    @Test
    @Order(1)
    @DisplayName("C18 · nasty headers: the parser and the jar return, never throw")
    void nastyHeadersNeverThrow() {
        CookieJar jar = new CookieJar(MutableClock.atWorkshopStart());
        List<String> headers = nastyHeaders();
        for (int i = 0; i < headers.size(); i++) {
            survives(headers.get(i), jar, "nasty case " + (i + 1) + " of " + headers.size());
        }
    }

    @Test
    @Order(2)
    @DisplayName("C18 · thousands of random headers neither break the parser nor the jar")
    void randomHeadersNeverThrow() {
        CookieJar jar = new CookieJar(MutableClock.atWorkshopStart());
        List<String> headers = randomHeaders();
        for (int i = 0; i < headers.size(); i++) {
            survives(headers.get(i), jar, "random header " + (i + 1) + " of " + headers.size() + ", seed " + SEED);
        }
    }
}
