package workshop.cookies;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Order(5)
@DisplayName("Domain and path rules")
class DomainAndPathTest {

    @Test
    @Order(1)
    @DisplayName("C6 · Domain=.Site.Example is stored as site.example")
    void domainIsNormalised() {
        assertThat(DomainRules.normalise(".Site.Example"))
                .as("RFC 6265 5.2.3: drop one leading '.', then lower-case the domain").contains("site.example");
        assertThat(DomainRules.normalise(""))
                .as("an empty Domain attribute is ignored (6265bis 5.6.3), so there is no domain").isEmpty();
    }

    @Test
    @Order(2)
    @DisplayName("C6 · www.site.example domain-matches site.example")
    void subdomainMatches() {
        assertThat(DomainRules.domainMatches("www.site.example", "site.example"))
                .as("RFC 6265 5.1.3: the host ends with '.' + domain → a cookie for site.example also goes to www.site.example").isTrue();
        assertThat(DomainRules.domainMatches("site.example", "site.example")).as("identical strings domain-match").isTrue();
        assertThat(DomainRules.domainMatches("API.Site.Example", "site.example")).as("host names compare case-insensitively").isTrue();
    }

    @Test
    @Order(3)
    @DisplayName("C6 · evilsite.example does not domain-match site.example")
    void lookalikeDoesNotMatch() {
        assertThat(DomainRules.domainMatches("evilsite.example", "site.example"))
                .as("RFC 6265 5.1.3: the character before the domain must be a '.', a plain suffix match would leak cookies"
                        + " to evilsite.example")
                .isFalse();
        assertThat(DomainRules.domainMatches("site.example", "www.site.example"))
                .as("a parent does not match its child: site.example is not inside www.site.example").isFalse();
        assertThat(DomainRules.domainMatches("bank.example", "evil.example")).as("unrelated hosts never match").isFalse();
    }

    @Test
    @Order(4)
    @DisplayName("C6 · IP addresses only match exactly")
    void ipAddressesMatchExactly() {
        assertThat(DomainRules.domainMatches("192.168.0.1", "192.168.0.1")).as("an IP address matches itself").isTrue();
        assertThat(DomainRules.domainMatches("10.0.0.1", "0.0.1"))
                .as("RFC 6265 5.1.3: the suffix rule applies to host names only; '10.0.0.1' ends with '.0.0.1' but is an IP address")
                .isFalse();
    }

    @ParameterizedTest(name = "request path \"{0}\" → \"{1}\"")
    @Order(5)
    @DisplayName("C7 · the default path is the request path up to its last '/'")
    @CsvSource({"/a/b/c, /a/b", "/a, /", "/, /", "'', /", "/docs/, /docs", "/docs/intro.html, /docs", "no-slash, /"})
    void defaultPath(String requestPath, String expected) {
        assertThat(PathRules.defaultPath(requestPath))
                .as("RFC 6265 5.1.4: without a Path attribute, the cookie's path is the request path up to (not including) the"
                        + " right-most '/'; if that is empty or the path does not start with '/', it is '/'")
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "request {0}, cookie Path={1} → {2}")
    @Order(6)
    @DisplayName("C8 · /login matches /login/en but not /loginfoo")
    @CsvSource({
            "/login, /login, true",
            "/login/en, /login, true",
            "/docs/intro, /docs/, true",
            "/anything/at/all, /, true",
            "/loginfoo, /login, false",
            "/, /login, false",
            "/Login, /login, false"})
    void pathMatches(String requestPath, String cookiePath, boolean expected) {
        assertThat(PathRules.pathMatches(requestPath, cookiePath))
                .as("RFC 6265 5.1.4: equal, or the cookie path is a prefix that ends with '/' or is followed by '/' in the request"
                        + " path (paths are case-sensitive)")
                .isEqualTo(expected);
    }
}
