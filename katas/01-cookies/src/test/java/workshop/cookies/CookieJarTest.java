package workshop.cookies;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import workshop.simulator.MutableClock;

@Order(6)
@DisplayName("The cookie jar: storing and sending")
class CookieJarTest {

    private final MutableClock clock = MutableClock.atWorkshopStart();
    private final CookieJar jar = new CookieJar(clock);

    private static URI uri(String s) {
        return URI.create(s);
    }

    @Test
    @Order(1)
    @DisplayName("C9 · without Domain the cookie is host-only")
    void hostOnlyWithoutDomain() {
        Cookie cookie = jar.setCookie(uri("https://www.site.example/"), "id=1; Path=/").orElseThrow();
        assertThat(cookie.domain() + " hostOnly=" + cookie.hostOnly())
                .as("RFC 6265 5.3 step 6: no Domain attribute → host-only-flag true, domain = the request's host")
                .isEqualTo("www.site.example hostOnly=true");
        assertThat(jar.cookies()).as("the jar now holds it").containsExactly(cookie);
    }

    @Test
    @Order(2)
    @DisplayName("C9 · Domain=.Site.Example from www.site.example makes a cookie for site.example")
    void domainCookie() {
        Cookie cookie = jar.setCookie(uri("https://www.site.example/"), "id=1; Domain=.Site.Example; Path=/").orElseThrow();
        assertThat(cookie.domain() + " hostOnly=" + cookie.hostOnly())
                .as("the Domain attribute (normalised, C6) is kept; the cookie also goes to site.example and its subdomains")
                .isEqualTo("site.example hostOnly=false");
    }

    @Test
    @Order(3)
    @DisplayName("C9 · evil.example cannot set a cookie for bank.example")
    void foreignDomainIsRefused() {
        assertThat(jar.setCookie(uri("https://evil.example/"), "sid=attacker; Domain=bank.example; Path=/"))
                .as("RFC 6265 5.3 step 6: if the request host does not domain-match the Domain attribute, ignore the cookie —"
                        + " otherwise any site could plant a session ID for your bank (session fixation)")
                .isEmpty();
        assertThat(jar.setCookie(uri("https://site.example/"), "a=1; Domain=www.site.example"))
                .as("a parent domain cannot set cookies for a subdomain either").isEmpty();
        assertThat(jar.cookies()).as("nothing was stored").isEmpty();
    }

    @Test
    @Order(4)
    @DisplayName("C9 · a single-label Domain (Domain=com) is refused; from that very host the cookie stays host-only")
    void singleLabelDomain() {
        assertThat(jar.setCookie(uri("https://bank.example/"), "sid=attacker; Domain=example; Path=/"))
                .as("RFC 6265bis 5.7 step 9: a Domain that is a public suffix is refused — a cookie for 'example' would go to"
                        + " every *.example site. Real browsers use the Public Suffix List (com, co.uk, github.io …); this jar"
                        + " approximates it by refusing any Domain without a dot")
                .isEmpty();
        assertThat(jar.setCookie(uri("https://shop.com/"), "cart=1; Domain=COM; Path=/"))
                .as("Domain=COM (normalised to com) from shop.com: refused for the same reason").isEmpty();
        Cookie local = jar.setCookie(uri("http://localhost:8080/"), "dev=1; Domain=localhost; Path=/").orElseThrow(
                () -> new AssertionError("RFC 6265bis 5.7 step 9: a public-suffix Domain equal to the request host is not"
                        + " refused — the Domain attribute is dropped and the cookie becomes host-only"));
        assertThat(local.domain() + " hostOnly=" + local.hostOnly())
                .as("Domain=localhost from host localhost: stored as a host-only cookie for localhost")
                .isEqualTo("localhost hostOnly=true");
        assertThat(jar.cookies()).as("only the localhost cookie was stored").containsExactly(local);
    }

    @Test
    @Order(5)
    @DisplayName("C9 · without a usable Path the cookie gets the default path")
    void defaultPathIsUsed() {
        assertThat(jar.setCookie(uri("https://site.example/a/b/c"), "a=1").orElseThrow().path())
                .as("no Path → default-path of /a/b/c (C7)").isEqualTo("/a/b");
        assertThat(jar.setCookie(uri("https://site.example/a/b/c"), "b=1; Path=relative").orElseThrow().path())
                .as("RFC 6265 5.2.4: a Path that does not start with '/' is ignored → default path").isEqualTo("/a/b");
        assertThat(jar.setCookie(uri("https://site.example/a/b/c"), "c=1; Path=/x; Path=").orElseThrow().path())
                .as("RFC 6265 5.2.4: an empty Path is not skipped like an empty Domain — it becomes an attribute whose value is"
                        + " the default path, and as the last Path it wins over /x").isEqualTo("/a/b");
    }

    @Test
    @Order(6)
    @DisplayName("C9 · an empty Domain= after a real one is ignored: the cookie keeps that Domain")
    void emptyDomainAfterARealOne() {
        Cookie cookie = jar.setCookie(uri("https://www.foo.example.org/"), "foo=bar; domain=foo.example.org; domain=")
                .orElseThrow(() -> new AssertionError("the header is valid: it must be stored"));
        assertThat(cookie.domain() + " hostOnly=" + cookie.hostOnly())
                .as("RFC 6265 5.2.3: an empty Domain value is ignored, so the last Domain that counts is foo.example.org;"
                        + " storing a host-only cookie would drop it from the sibling hosts the server meant to reach")
                .isEqualTo("foo.example.org hostOnly=false");
        assertThat(jar.setCookie(uri("https://www.foo.example.org/"), "solo=1; Domain=").orElseThrow().hostOnly())
                .as("an empty Domain on its own: as if there were no Domain → host-only").isTrue();
    }

    @Test
    @Order(7)
    @DisplayName("C9 · same name, domain and path replaces the old cookie but keeps its creation time")
    void replacementKeepsCreationTime() {
        Instant first = clock.instant();
        jar.setCookie(uri("https://site.example/"), "theme=light; Path=/");
        clock.advance(Duration.ofHours(1));
        jar.setCookie(uri("https://site.example/"), "theme=dark; Path=/");
        assertThat(jar.cookies()).as("RFC 6265 5.3 step 11: the new cookie replaces the old one — still one cookie").hasSize(1);
        Cookie cookie = jar.cookies().get(0);
        assertThat(cookie.value() + " created " + cookie.creation())
                .as("the value is new, but the creation time is the old cookie's (it decides the order in the Cookie header)")
                .isEqualTo("dark created " + first);
        jar.setCookie(uri("https://site.example/"), "theme=blue; Path=/docs");
        assertThat(jar.cookies()).as("a different path is a different cookie").hasSize(2);
    }

    @Test
    @Order(8)
    @DisplayName("C9 · Max-Age=0 or an Expires in the past deletes the cookie")
    void deletion() {
        jar.setCookie(uri("https://site.example/"), "theme=dark; Path=/; Max-Age=3600");
        jar.setCookie(uri("https://site.example/"), "lang=en; Path=/");
        assertThat(jar.setCookie(uri("https://site.example/"), "theme=; Path=/; Max-Age=0"))
                .as("a deleting header stores nothing (setCookie returns empty)").isEmpty();
        jar.setCookie(uri("https://site.example/"), "lang=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
        assertThat(jar.cookies()).as("RFC 6265 3.1: servers delete a cookie by sending it again with an expiry in the past"
                + " (Max-Age=0 or an old Expires): same name, domain and path, already expired → removed").isEmpty();
    }

    @Test
    @Order(9)
    @DisplayName("C9 · a plain-http page cannot set a Secure cookie")
    void secureNeedsSecureOrigin() {
        assertThat(jar.setCookie(uri("http://shop.example/"), "cart=1; Path=/; Secure"))
                .as("RFC 6265bis 5.7: a Secure cookie from a non-secure origin is ignored (a network attacker could inject it)").isEmpty();
        assertThat(jar.setCookie(uri("https://shop.example/"), "cart=1; Path=/; Secure; Colour=blue"))
                .as("from https it is stored (and the unknown attribute Colour is simply ignored)").isPresent();
    }

    @Test
    @Order(10)
    @DisplayName("C9 · a nameless cookie is stored, and another nameless one with the same domain and path replaces it")
    void namelessCookieIsStoredAndReplaced() {
        URI site = uri("https://site.example/");
        Instant first = clock.instant();
        Cookie cookie = jar.setCookie(site, "light; Path=/").orElseThrow(
                () -> new AssertionError("RFC 6265bis 5.6: 'light' (no '=') is a cookie with an empty name — store it"));
        assertThat("name='" + cookie.name() + "' value='" + cookie.value() + "'")
                .as("the jar keeps it with the name \"\" and the value 'light'").isEqualTo("name='' value='light'");
        clock.advance(Duration.ofMinutes(1));
        jar.setCookie(site, "=dark; Path=/");
        assertThat(jar.cookies()).extracting(c -> "'" + c.name() + "'=" + c.value() + " created " + c.creation())
                .as("RFC 6265bis 5.7: same name (\"\"), domain and path → '=dark' replaces 'light', keeping its creation time")
                .containsExactly("''=dark created " + first);
        jar.setCookie(site, "other; Path=/docs");
        assertThat(jar.cookies()).as("a nameless cookie with another path is a different cookie").hasSize(2);
    }

    @Test
    @Order(11)
    @DisplayName("C10 · a host-only cookie goes only to its host, a domain cookie to subdomains too")
    void sendingByDomain() {
        jar.setCookie(uri("https://www.site.example/"), "hostonly=1; Path=/");
        clock.advance(Duration.ofSeconds(1));
        jar.setCookie(uri("https://www.site.example/"), "shared=1; Domain=site.example; Path=/");
        assertThat(jar.cookieHeader(uri("https://www.site.example/"))).as("both go back to www.site.example")
                .contains("hostonly=1; shared=1");
        assertThat(jar.cookieHeader(uri("https://api.site.example/")))
                .as("RFC 6265 5.4: a host-only cookie needs the identical host; the domain cookie domain-matches").contains("shared=1");
        assertThat(jar.cookieHeader(uri("https://evilsite.example/"))).as("no cookie for a look-alike host").isEmpty();
    }

    @Test
    @Order(12)
    @DisplayName("C10 · a cookie with Path=/docs goes to /docs/intro, not to /doc or /")
    void sendingByPath() {
        jar.setCookie(uri("https://site.example/"), "docs=1; Path=/docs");
        assertThat(jar.cookieHeader(uri("https://site.example/docs/intro"))).as("/docs path-matches /docs/intro (C8)").contains("docs=1");
        assertThat(jar.cookieHeader(uri("https://site.example/doc"))).as("/doc is outside /docs").isEmpty();
        assertThat(jar.cookieHeader(uri("https://site.example/"))).as("/ is outside /docs").isEmpty();
    }

    @Test
    @Order(13)
    @DisplayName("C10 · an expired cookie is not sent")
    void expiredCookiesAreNotSent() {
        jar.setCookie(uri("https://site.example/"), "theme=dark; Path=/; Max-Age=60");
        clock.advance(Duration.ofSeconds(59));
        assertThat(jar.cookieHeader(uri("https://site.example/"))).as("after 59 s of a 60 s Max-Age it is still sent").contains("theme=dark");
        clock.advance(Duration.ofSeconds(2));
        assertThat(jar.cookieHeader(uri("https://site.example/")))
                .as("RFC 6265 5.3: after its expiry (clock %s) the cookie is gone — read the time from the jar's Clock", clock.instant())
                .isEmpty();
    }

    @Test
    @Order(14)
    @DisplayName("C10 · a Secure cookie goes over https, never over plain http")
    void secureOnlyOverHttps() {
        jar.setCookie(uri("https://shop.example/"), "cart=1; Path=/; Secure");
        clock.advance(Duration.ofSeconds(1));
        jar.setCookie(uri("https://shop.example/"), "lang=en; Path=/");
        assertThat(jar.cookieHeader(uri("https://shop.example/"))).as("over https both go").contains("cart=1; lang=en");
        assertThat(jar.cookieHeader(uri("http://shop.example/")))
                .as("RFC 6265 5.4: a Secure cookie is only sent over a secure channel — http://shop.example gets lang only")
                .contains("lang=en");
    }

    @ParameterizedTest(name = "{0} → secure context: {1}")
    @Order(15)
    @DisplayName("C10 · https and loopback hosts are secure contexts, other plain http is not")
    @CsvSource({
            "https://shop.example/, true",
            "http://shop.example/, false",
            "http://127.0.0.1:8080/, true",
            "http://127.10.20.30/, true",
            "http://localhost:3000/, true",
            "http://[::1]:8080/, true",
            "http://127.0.0.1.nip.io/, false",
            "http://192.168.1.10/, false"})
    void secureContexts(String address, boolean secure) {
        assertThat(CookieJar.isSecureContext(uri(address)))
                .as("browsers treat https and loopback (127.0.0.0/8, ::1, localhost) as potentially trustworthy origins (W3C Secure"
                        + " Contexts), so Secure cookies work on a local dev server; a name that merely starts with 127 is not loopback")
                .isEqualTo(secure);
    }

    @Test
    @Order(16)
    @DisplayName("C10 · the Cookie header lists longer paths first, then older cookies first, joined by '; '")
    void cookieHeaderOrder() {
        URI site = uri("https://site.example/");
        jar.setCookie(site, "a=1; Path=/");
        clock.advance(Duration.ofSeconds(1));
        jar.setCookie(site, "b=2; Path=/docs");
        clock.advance(Duration.ofSeconds(1));
        jar.setCookie(site, "c=3; Path=/");
        clock.advance(Duration.ofSeconds(1));
        jar.setCookie(site, "d=4; Path=/docs/api");
        assertThat(jar.cookieHeader(uri("https://site.example/docs/api/users")))
                .as("RFC 6265 5.4 step 2: longer paths first (/docs/api, /docs, /), equal paths by creation time (a before c)")
                .contains("d=4; b=2; a=1; c=3");
    }

    @Test
    @Order(17)
    @DisplayName("C10 · a nameless cookie is sent as its value alone, in the usual order")
    void namelessCookieInTheCookieHeader() {
        URI site = uri("https://site.example/");
        jar.setCookie(site, "a=1; Path=/");
        clock.advance(Duration.ofSeconds(1));
        jar.setCookie(site, "foo; Path=/");
        clock.advance(Duration.ofSeconds(1));
        jar.setCookie(site, "b=2; Path=/docs");
        assertThat(jar.cookieHeader(uri("https://site.example/")))
                .as("RFC 6265bis 5.8.3: a cookie with an empty name is written as its value, without '=' — 'foo', not '=foo';"
                        + " equal paths keep creation order").contains("a=1; foo");
        assertThat(jar.cookieHeader(uri("https://site.example/docs/x")))
                .as("longer paths still come first").contains("b=2; a=1; foo");
    }

    @Test
    @Order(18)
    @DisplayName("C11 · document.cookie does not show HttpOnly cookies")
    void httpOnlyIsHiddenFromScripts() {
        URI site = uri("https://site.example/");
        jar.setCookie(site, "sid=secret; Path=/; HttpOnly");
        jar.setCookie(site, "theme=dark; Path=/");
        assertThat(jar.documentCookie(site))
                .as("RFC 6265 5.4 step 1: a cookie with the http-only-flag is left out when the cookie-string is made for a"
                        + " non-HTTP API such as document.cookie — an XSS payload"
                        + " cannot read the session ID")
                .isEqualTo("theme=dark");
    }

    @Test
    @Order(19)
    @DisplayName("C11 · HttpOnly hides a cookie from scripts, not from HTTP")
    void httpOnlyIsStillSent() {
        URI site = uri("https://site.example/");
        jar.setCookie(site, "sid=secret; Path=/; HttpOnly");
        assertThat(jar.documentCookie(site)).as("a script sees no cookie at all: document.cookie is \"\"").isEmpty();
        assertThat(jar.cookieHeader(site))
                .as("HttpOnly does not stop the browser from sending it, so it does nothing against CSRF: that needs a CSRF"
                        + " token or an Origin / Sec-Fetch-Site check, with SameSite (C12) as defence in depth (OWASP CSRF cheat sheet)")
                .contains("sid=secret");
    }
}
