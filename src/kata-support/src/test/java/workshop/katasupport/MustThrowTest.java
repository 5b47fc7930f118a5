package workshop.katasupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;

class MustThrowTest {

    private static final String WHY = "browsers drop SameSite=None without Secure (RFC 6265bis 5.7)";

    @Test
    void theExpectedExceptionIsHandedBack() {
        IllegalArgumentException e = MustThrow.expect(IllegalArgumentException.class, "check(\"a;b\")",
                () -> {
                    throw new IllegalArgumentException("no ';' in a cookie value");
                }, WHY);
        assertThat(e).hasMessage("no ';' in a cookie value");
        NumberFormatException subtype = (NumberFormatException) MustThrow.expect(IllegalArgumentException.class, "parse",
                () -> Long.parseLong("x"), WHY);
        assertThat(subtype).as("a subtype of the expected exception counts").isNotNull();
    }

    @Test
    void codeThatReturnsFailsWithDidNotThrowAndTheValue() {
        Throwable failure = catchThrowable(() -> MustThrow.expect(IllegalStateException.class,
                "cookie(\"widget\", \"1\").sameSite(NONE).build()", () -> "widget=1; SameSite=None", WHY));
        assertThat(failure).isInstanceOf(AssertionError.class);
        assertThat(failure.getMessage()).isEqualTo("your code did not throw: cookie(\"widget\", \"1\").sameSite(NONE).build()"
                + " returned \"widget=1; SameSite=None\", expected IllegalStateException. Browsers drop SameSite=None without"
                + " Secure (RFC 6265bis 5.7).");
        assertThat(catchThrowable(() -> MustThrow.expect(IllegalStateException.class, "new Store()", Object::new, "")))
                .hasMessage("your code did not throw: new Store() returned an Object, expected IllegalStateException.");
    }

    @Test
    void anotherExceptionIsNamedWithItsMessageOnOneLine() {
        Throwable failure = catchThrowable(() -> MustThrow.expect(IllegalStateException.class, "build()", () -> {
            throw new UnsupportedOperationException("C16 · refuse insecure cookies — see notebooks/01-cookies.ipynb, C16");
        }, "say why."));
        assertThat(failure.getMessage())
                .isEqualTo("your code threw UnsupportedOperationException (\"C16 · refuse insecure cookies — see"
                        + " notebooks/01-cookies.ipynb, C16\") in build(), expected IllegalStateException. Say why.")
                .doesNotContain("\n", "\tat ");
    }

    @Test
    void anAssertionFromInsideTheCallPassesThrough() {
        AssertionError inner = new AssertionError("C1 first: could not parse");
        assertThat(catchThrowable(() -> MustThrow.expect(IllegalStateException.class, "x", () -> {
            throw inner;
        }, WHY))).isSameAs(inner);
    }
}
