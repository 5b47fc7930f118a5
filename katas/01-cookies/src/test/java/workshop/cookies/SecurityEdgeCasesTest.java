package workshop.cookies;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import workshop.simulator.MutableClock;

@Order(8)
@DisplayName("Cookie prefixes and size limits")
class SecurityEdgeCasesTest {

    private static final URI HTTPS = URI.create("https://www.site.example/account/settings");
    private static final URI HTTP = URI.create("http://www.site.example/");

    private final CookieJar jar = new CookieJar(MutableClock.atWorkshopStart());

    @Test
    @Order(1)
    @DisplayName("C13 · a __Secure- cookie needs Secure and a secure origin")
    void securePrefix() {
        assertThat(jar.setCookie(HTTPS, "__Secure-pref=1; Path=/"))
                .as("RFC 6265bis 4.1.3.1: a name starting with __Secure- without the Secure attribute is ignored").isEmpty();
        assertThat(jar.setCookie(HTTP, "__Secure-pref=1; Path=/; Secure"))
                .as("… and so is one set from a plain-http page").isEmpty();
        assertThat(jar.setCookie(HTTPS, "__Secure-pref=1; Path=/; Secure"))
                .as("with Secure, from https, it is stored — the server can trust it was set over a secure channel").isPresent();
    }

    @Test
    @Order(2)
    @DisplayName("C13 · a __Host- cookie also needs Path=/ and no Domain")
    void hostPrefix() {
        assertThat(jar.setCookie(HTTPS, "__Host-id=1; Secure; Path=/; Domain=site.example"))
                .as("RFC 6265bis 4.1.3.2: __Host- with a Domain is ignored — it must stay bound to this exact host").isEmpty();
        assertThat(jar.setCookie(HTTPS, "__Host-id=1; Secure"))
                .as("without a Path attribute it is ignored (the default path here would be /account)").isEmpty();
        assertThat(jar.setCookie(HTTPS, "__Host-id=1; Secure; Path=/account"))
                .as("a Path other than / is ignored").isEmpty();
        assertThat(jar.setCookie(HTTPS, "__Host-id=1; Secure; Path=/"))
                .as("Secure, Path=/, no Domain, from https: stored, host-only").hasValueSatisfying(c -> assertThat(c.hostOnly()).isTrue());
    }

    @Test
    @Order(3)
    @DisplayName("C13 · prefixes are matched case-insensitively")
    void prefixesIgnoreCase() {
        assertThat(jar.setCookie(HTTPS, "__HOST-id=1; Secure; Path=/; Domain=site.example"))
                .as("RFC 6265bis: __HOST- is the __Host- prefix too (a server may read names case-insensitively)").isEmpty();
        assertThat(jar.setCookie(HTTPS, "__secure-x=1; Path=/"))
                .as("__secure- without Secure is ignored as well").isEmpty();
    }

    @Test
    @Order(4)
    @DisplayName("C13 · a nameless cookie whose value starts with __Secure- or __Host- is refused")
    void namelessCookieCannotForgeAPrefix() {
        for (String header : new String[] {"__Host-id=1; Secure; Path=/", "__SECURE-pref=1; Secure; Path=/", "__host-id=1; Path=/"}) {
            assertThat(jar.setCookie(HTTPS, "=" + header))
                    .as("RFC 6265bis 5.7: a nameless cookie is sent as its value alone, so '=%s' would reach the server as"
                            + " 'Cookie: %s' — a forged prefixed cookie without the prefix's guarantees. A nameless cookie whose"
                            + " value starts with __Secure- or __Host- (any casing) is ignored", header, header.split(";")[0])
                    .isEmpty();
        }
        assertThat(jar.setCookie(HTTPS, "__Host-id; Secure; Path=/"))
                .as("without '=' it is the same nameless cookie (value '__Host-id'): ignored").isEmpty();
        assertThat(jar.setCookie(HTTPS, "=theme-dark; Path=/")).as("other nameless cookies are still stored").isPresent();
    }

    @Test
    @Order(5)
    @DisplayName("C13 · one host holds at most one __Host- cookie of a name")
    void oneHostPrefixedCookiePerName() {
        jar.setCookie(HTTPS, "__Host-id=1; Secure; Path=/");
        jar.setCookie(URI.create("https://www.site.example/other/page"), "__Host-id=2; Secure; Path=/");
        assertThat(jar.cookieHeader(HTTPS))
                .as("RFC 6265bis 4.1.3.2: __Host- forces host-only and Path=/, so name, domain and path are always the same"
                        + " and the second cookie replaces the first (C9) — a request never carries two __Host-id")
                .contains("__Host-id=2");
        assertThat(jar.setCookie(URI.create("https://evil.site.example/"), "__Host-id=evil; Secure; Path=/; Domain=site.example"))
                .as("a sibling host cannot add a second one with a Domain either").isEmpty();
    }

    @Test
    @Order(6)
    @DisplayName("C13 · a plain-http page cannot overwrite or delete a Secure cookie")
    void leaveSecureCookiesAlone() {
        URI https = URI.create("https://site.example/");
        URI http = URI.create("http://site.example/");
        jar.setCookie(https, "sid=1; Path=/; Secure; HttpOnly");
        assertThat(jar.setCookie(http, "sid=evil; Path=/"))
                .as("RFC 6265bis 5.7 step 16 (leave Secure cookies alone): a non-Secure cookie from a non-secure origin is ignored"
                        + " when a Secure cookie of the same name exists for a domain-matching domain and a path its path"
                        + " path-matches — else a network attacker on http://site.example could fix the https session ID")
                .isEmpty();
        assertThat(jar.setCookie(http, "sid=evil; Path=/account"))
                .as("Path=/account path-matches the Secure cookie's / : ignored too").isEmpty();
        assertThat(jar.setCookie(URI.create("http://www.site.example/"), "sid=evil; Domain=site.example; Path=/"))
                .as("from a subdomain, with Domain=site.example: the domains match, ignored too").isEmpty();
        assertThat(jar.setCookie(http, "sid=; Path=/; Max-Age=0"))
                .as("a deleting header from plain http is ignored as well").isEmpty();
        assertThat(jar.cookies().stream().map(c -> c.name() + "=" + c.value() + (c.secure() ? "; Secure" : "")).toList())
                .as("the Secure cookie is unchanged after the http attempts: %s", jar.cookies()).containsExactly("sid=1; Secure");
        assertThat(jar.setCookie(http, "theme=dark; Path=/"))
                .as("other names from plain http are still stored").isPresent();
        assertThat(jar.setCookie(https, "sid=2; Path=/; Secure"))
                .as("https may replace its own Secure cookie").hasValueSatisfying(c -> assertThat(c.value()).isEqualTo("2"));
    }

    @Test
    @Order(7)
    @DisplayName("C14 · name plus value may use at most 4096 bytes")
    void nameAndValueLimit() {
        assertThat(SetCookieParser.parse("ab=" + "x".repeat(4094)))
                .as("2 + 4094 = 4096 bytes is allowed").isPresent();
        assertThat(SetCookieParser.parse("abc=" + "x".repeat(4094)))
                .as("RFC 6265bis 5.6 step 4: 3 + 4094 = 4097 bytes → ignore the whole header").isEmpty();
        assertThat(SetCookieParser.parse("ab=" + "é".repeat(2048)))
                .as("the limit counts UTF-8 bytes, not characters: 'é' is 2 bytes, so 2 + 4096 bytes is too long").isEmpty();
    }

    @Test
    @Order(8)
    @DisplayName("C14 · an attribute value over 1024 bytes is ignored, the cookie is kept")
    void attributeValueLimit() {
        SetCookie cookie = SetCookieParser.parse("a=1; Path=/" + "p".repeat(1024) + "; Secure").orElseThrow(
                () -> new AssertionError("RFC 6265bis 5.6: a too-long attribute only drops that attribute, not the cookie"));
        assertThat(cookie.attribute("Path"))
                .as("RFC 6265bis 5.6: an attribute value of 1025 bytes is ignored (here Path, so the default path will apply)").isEmpty();
        assertThat(cookie.secure()).as("the attributes after it are still read").isTrue();
        assertThat(SetCookieParser.parse("a=1; Path=/" + "p".repeat(1023)).orElseThrow().attribute("Path"))
                .as("exactly 1024 bytes is allowed").isPresent();
    }
}
