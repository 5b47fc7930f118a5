package workshop.cookies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

@Order(1)
@DisplayName("Reading a Set-Cookie header")
class ParsingTest {

    private static SetCookie parsed(String header) {
        Optional<SetCookie> cookie = SetCookieParser.parse(header);
        assertThat(cookie).as("SetCookieParser.parse(\"%s\") should give a cookie, not empty", header).isPresent();
        return cookie.get();
    }

    @Test
    @Order(1)
    @DisplayName("C1 · the name and value come before the first ';'")
    void nameAndValueBeforeFirstSemicolon() {
        SetCookie cookie = parsed("theme=dark; Path=/");
        assertThat(cookie.name()).as("RFC 6265 5.2: the name is everything before the first '=' of the name=value pair").isEqualTo("theme");
        assertThat(cookie.value()).as("RFC 6265 5.2: the name=value pair ends at the first ';' — the rest are attributes").isEqualTo("dark");
    }

    @Test
    @Order(2)
    @DisplayName("C1 · spaces around names and values are trimmed, attributes keep their order")
    void whitespaceIsTrimmed() {
        SetCookie cookie = parsed("  theme = dark ;  Path = /docs ;Secure");
        assertThat(cookie.name() + "|" + cookie.value())
                .as("RFC 6265 5.2: remove leading and trailing spaces and tabs from the name and the value").isEqualTo("theme|dark");
        assertThat(cookie.attributes())
                .as("each ';'-separated attribute becomes name and value, trimmed; a flag like Secure has the value \"\"")
                .containsExactly(new CookieAttribute("Path", "/docs"), new CookieAttribute("Secure", ""));
    }

    @Test
    @Order(3)
    @DisplayName("C1 · a value may contain '=' (only the first '=' separates name and value)")
    void valueMayContainEquals() {
        assertThat(parsed("token=YWJj==; Path=/").value())
                .as("base64 values end in '=': split the pair at the FIRST '=' only").isEqualTo("YWJj==");
    }

    @Test
    @Order(4)
    @DisplayName("C1 · a pair without '=' is a nameless cookie: empty name, the pair is the value (6265bis)")
    void pairWithoutEqualsIsANamelessCookie() {
        SetCookie cookie = parsed("theme; Path=/");
        assertThat("name='" + cookie.name() + "' value='" + cookie.value() + "'")
                .as("RFC 6265bis 5.6: no '=' in the name=value pair → the name is empty and the whole pair is the value, as"
                        + " current browsers do (RFC 6265 5.2 ignored the header; this kata follows 6265bis)")
                .isEqualTo("name='' value='theme'");
        assertThat(cookie.attributes()).as("the attributes are read as usual").containsExactly(new CookieAttribute("Path", "/"));
    }

    @Test
    @Order(5)
    @DisplayName("C1 · '=dark' is a nameless cookie too; with neither name nor value the header is ignored")
    void emptyNameAndEmptyValue() {
        SetCookie cookie = parsed("=dark; Path=/");
        assertThat("name='" + cookie.name() + "' value='" + cookie.value() + "'")
                .as("RFC 6265bis 5.6: an empty name before '=' is allowed — a nameless cookie with the value 'dark'")
                .isEqualTo("name='' value='dark'");
        for (String header : new String[] {"=", " = ; Path=/", "", "; Secure"}) {
            assertThat(SetCookieParser.parse(header))
                    .as("RFC 6265bis 5.7: a cookie whose name and value are both empty is ignored — '%s' gives no cookie", header)
                    .isEmpty();
        }
    }

    @Test
    @Order(6)
    @DisplayName("C2 · attribute names are case-insensitive and the last one wins")
    void attributesAreCaseInsensitiveLastWins() {
        SetCookie cookie = parsed("id=1; path=/a; PATH=/b");
        assertThat(cookie.attribute("Path"))
                .as("RFC 6265 5.2: attribute names match case-insensitively; 5.3: when one is repeated, the LAST one counts")
                .contains("/b");
    }

    @Test
    @Order(7)
    @DisplayName("C2 · an empty Domain= is ignored, so an earlier Domain still counts")
    void emptyDomainIsIgnored() {
        SetCookie cookie = parsed("foo=bar; domain=foo.example.org; domain=");
        assertThat(cookie.attribute("Domain"))
                .as("RFC 6265 5.2.3 (and 6265bis 5.6.3): if the Domain attribute-value is empty, ignore the cookie-av entirely;"
                        + " it never enters the attribute list, so 'the last Domain' is foo.example.org")
                .contains("foo.example.org");
        assertThat(parsed("foo=bar; Domain=").attribute("Domain"))
                .as("an empty Domain alone: no Domain attribute at all (the cookie will be host-only)").isEmpty();
    }

    @Test
    @Order(8)
    @DisplayName("C2 · flags such as Secure and HttpOnly are found in any casing")
    void flagsInAnyCasing() {
        SetCookie cookie = parsed("id=1; secure; HTTPONLY");
        assertThat(List.of(cookie.secure(), cookie.httpOnly()))
                .as("'secure' and 'HTTPONLY' are the Secure and HttpOnly flags: attribute(\"Secure\") must find 'secure'")
                .containsExactly(true, true);
    }

    @Test
    @Order(9)
    @DisplayName("C2 · an unknown attribute is ignored and does not hide the ones after it")
    void unknownAttributesAreIgnored() {
        SetCookie cookie = parsed("id=1; Colour=blue; Priority=High; Path=/app");
        assertThat(cookie.attribute("Path"))
                .as("RFC 6265 5.2: unknown attributes (Colour, Priority) are skipped; reading goes on with the next one").contains("/app");
        assertThat(cookie.attribute("Max-Age")).as("an attribute the server did not send is absent").isEmpty();
    }
}
