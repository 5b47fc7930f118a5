package workshop.cookies;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SetCookieParserTest {

    @Test
    @DisplayName("C1 · the name and value come before the first ';'")
    void nameAndValue() {
        assertThat(SetCookieParser.parse("theme=dark; Path=/"))
                .as("name=value ends at the first ';'")
                .contains(new SetCookie("theme", "dark"));
    }

    @Test
    @DisplayName("C1 · a header without '=' is ignored")
    void noEquals() {
        assertThat(SetCookieParser.parse("theme")).as("RFC 6265 5.2: no '=' means ignore the whole header").isEmpty();
    }
}
