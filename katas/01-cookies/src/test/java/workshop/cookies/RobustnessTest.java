package workshop.cookies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import workshop.simulator.MutableClock;

@Order(12)
@DisplayName("A hostile server cannot crash the browser")
class RobustnessTest {

    /** Fixed, so a failure can be replayed; change it to explore other inputs. */
    private static final long SEED = 6265L;
    private static final int RANDOM_HEADERS = 5000;
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

    private static void parsesSafely(String header, String origin) {
        Optional<SetCookie> cookie;
        try {
            cookie = SetCookieParser.parse(header);
        } catch (RuntimeException e) { // the message, not the stack trace: the input is what the learner needs
            throw new AssertionError(origin + ": SetCookieParser.parse must return empty or a cookie for ANY header — never throw."
                    + " It threw " + e + "\nInput (Java-escaped, first 200 chars): \"" + escape(header) + "\"");
        }
        cookie.ifPresent(c -> assertThat(c.name() + c.value())
                .as("a parsed cookie has a name or a value — never both empty (C1, 6265bis)").isNotEmpty());
    }

    @Test
    @Order(1)
    @DisplayName("C18 · the parser returns empty or a cookie for nasty headers, never an exception")
    void nastyHeadersNeverThrow() {
        for (String header : nastyHeaders()) {
            parsesSafely(header, "nasty case");
        }
    }

    @Test
    @Order(2)
    @DisplayName("C18 · thousands of random headers neither break the parser nor the jar")
    void randomHeadersNeverThrow() {
        CookieJar jar = new CookieJar(MutableClock.atWorkshopStart());
        URI uri = URI.create("https://www.site.example/a/b");
        for (String header : randomHeaders()) {
            parsesSafely(header, "random header (seed " + SEED + ")");
            assertThatCode(() -> {
                jar.setCookie(uri, header);
                jar.cookieHeader(uri);
            }).as("random header (seed %d): CookieJar.setCookie / cookieHeader threw for \"%s\" — a server controls this input,"
                    + " so every parse step (dates C3, Max-Age C4, domains C6, paths C7) must cope with garbage", SEED, escape(header))
                    .doesNotThrowAnyException();
        }
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.substring(0, Math.min(200, s.length())).toCharArray()) {
            out.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out + (s.length() > 200 ? "…(" + s.length() + " chars)" : "");
    }
}
