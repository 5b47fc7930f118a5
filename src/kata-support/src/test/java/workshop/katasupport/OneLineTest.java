package workshop.katasupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OneLineTest {

    @Test
    void invisibleCharactersAreEscapedVisibleOnesKept() {
        assertThat(OneLine.text("a\r\nSet-Cookie: x=y\t\u0000\u007f\u0085\u2028\u202e"))
                .isEqualTo("a\\r\\nSet-Cookie: x=y\\t\\u0000\\u007f\\u0085\\u2028\\u202e");
        assertThat(OneLine.text("é=🍪; Path=/ſ")).isEqualTo("é=🍪; Path=/ſ");
        assertThat(OneLine.text("\ud800x")).as("a lone surrogate is escaped").isEqualTo("\\ud800x");
        assertThat(OneLine.text("a\\tb")).as("a backslash is doubled, so it never reads as an escape").isEqualTo("a\\\\tb");
        assertThat(OneLine.text(null)).isEqualTo("null");
    }

    @Test
    void longTextIsCutAndSaysHowLongItWas() {
        assertThat(OneLine.text("x=" + "y".repeat(100_000))).hasSize(200 + "…(100002 chars)".length())
                .startsWith("x=yyy").endsWith("y…(100002 chars)");
        assertThat(OneLine.text("ab🍪", 3)).as("an emoji is never cut in half").isEqualTo("ab…(4 chars)");
        assertThat(OneLine.text("abc", 3)).isEqualTo("abc");
    }

    @Test
    void anExceptionIsItsTypeAndMessageOnOneLine() {
        NumberFormatException e = assertThrows(() -> Long.parseLong("99999999999999999999"));
        assertThat(OneLine.exception(e)).isEqualTo("NumberFormatException (\"For input string: \"99999999999999999999\"\")");
        assertThat(OneLine.exception(new IllegalStateException("two\nlines"))).isEqualTo("IllegalStateException (\"two\\nlines\")");
        assertThat(OneLine.exception(new NullPointerException())).isEqualTo("NullPointerException");
        assertThat(OneLine.exception(new UncheckedIOException("could not save", new IOException("disk full"))))
                .isEqualTo("UncheckedIOException (\"could not save\"), caused by IOException (\"disk full\")");
        assertThat(OneLine.exception(new RuntimeException(new IOException("disk full"))))
                .as("a message that already names its cause does not repeat it")
                .isEqualTo("RuntimeException (\"java.io.IOException: disk full\")");
        assertThat(OneLine.exception(new IllegalArgumentException("x".repeat(500))))
                .hasSizeLessThan(220).contains("…(500 chars)").doesNotContain("\n");
    }

    @Test
    void theOriginIsTheFirstFrameOutsideTheTests() {
        Throwable thrown = new RuntimeException("boom");
        thrown.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("java.lang.Long", "parseLong", "Long.java", 700),
                new StackTraceElement("workshop.cookies.SetCookie", "expiryTime", "SetCookie.java", 70),
                new StackTraceElement("workshop.cookies.CookieJar", "setCookie", "CookieJar.java", 40),
                new StackTraceElement("workshop.cookies.RobustnessTest", "jar", "RobustnessTest.java", 12)});
        assertThat(OneLine.origin(thrown, "workshop.cookies")).isEqualTo("SetCookie.expiryTime(SetCookie.java:70)");

        thrown.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("workshop.cookies.RobustnessTest$Inner", "x", "RobustnessTest.java", 3),
                new StackTraceElement("workshop.cookies.inner.Helper", "y", null, -1)});
        assertThat(OneLine.origin(thrown, "workshop.cookies")).as("test classes and sub-packages are skipped").isEmpty();
        assertThat(OneLine.origin(null, "workshop.cookies")).isEmpty();
    }

    @Test
    void aReturnedValueReadsInASentence() {
        record Pair(String a, int b) {
        }
        assertThat(OneLine.value("widget=1; SameSite=None")).isEqualTo("\"widget=1; SameSite=None\"");
        assertThat(OneLine.value(null)).isEqualTo("null");
        assertThat(OneLine.value(42)).isEqualTo("42");
        assertThat(OneLine.value(Optional.of("id"))).isEqualTo("Optional[\"id\"]");
        assertThat(OneLine.value(Optional.empty())).isEqualTo("Optional.empty");
        assertThat(OneLine.value(new Pair("x", 1))).isEqualTo("Pair[a=x, b=1]");
        assertThat(OneLine.value(List.of(1, 2))).isEqualTo("[1, 2]");
        assertThat(OneLine.value(new Object())).isEqualTo("an Object");
        assertThat(OneLine.value(Duration.ZERO)).isEqualTo("PT0S");
        assertThat(OneLine.value(new byte[] {1, 2, (byte) 0xff})).isEqualTo("3 bytes (0102ff)");
        assertThat(OneLine.value(new byte[] {0x41})).isEqualTo("1 byte (41)");
        assertThat(OneLine.value(new javax.crypto.spec.SecretKeySpec(new byte[32], "HmacSHA256")))
                .isEqualTo("a HmacSHA256 key of 256 bits (encoded)");
        assertThat(OneLine.value(new String[] {"a", "b"})).isEqualTo("[a, b]");
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T assertThrows(Runnable code) {
        try {
            code.run();
        } catch (Throwable t) {
            return (T) t;
        }
        throw new AssertionError("expected an exception");
    }
}
