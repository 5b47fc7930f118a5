package workshop.cookies;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import workshop.simulator.MutableClock;

@Order(7)
@DisplayName("SameSite: which cookies a cross-site request carries")
class SameSiteTest {

    private static final URI BANK = URI.create("https://bank.example/");
    private static final URI TRANSFER = URI.create("https://bank.example/transfer");

    private final MutableClock clock = MutableClock.atWorkshopStart();
    private final CookieJar jar = new CookieJar(clock);

    @BeforeEach
    void bankSetsFourCookies() {
        for (String header : new String[] {
                "strict=1; Path=/; Secure; SameSite=Strict",
                "lax=1; Path=/; Secure; SameSite=Lax",
                "none=1; Path=/; Secure; SameSite=None",
                "unset=1; Path=/; Secure"}) {
            jar.setCookie(BANK, header);
            clock.advance(Duration.ofSeconds(1));
        }
    }

    private String sent(RequestContext context) {
        return jar.cookieHeader(TRANSFER, context).orElse("(no Cookie header)");
    }

    @Test
    @Order(1)
    @DisplayName("C12 · SameSite=Strict never goes with a cross-site request")
    void strictNeverCrossSite() {
        assertThat(sent(RequestContext.crossSiteNavigation("GET")))
                .as("RFC 6265bis 5.8.3: a Strict cookie stays home even when another site links here (the user arrives logged out)")
                .doesNotContain("strict=1")
                .contains("none=1");
    }

    @Test
    @Order(2)
    @DisplayName("C12 · SameSite=Lax goes only with a cross-site top-level GET")
    void laxOnlyOnTopLevelSafeNavigation() {
        assertThat(sent(RequestContext.crossSiteNavigation("GET")))
                .as("a link from another site (top-level GET) carries Lax cookies").contains("lax=1");
        assertThat(sent(RequestContext.crossSiteNavigation("POST")))
                .as("a cross-site form POST does not carry Lax cookies. That blunts classic CSRF from another site, but it is"
                        + " defence in depth (OWASP CSRF cheat sheet): a same-site attacker (a sibling subdomain, another port"
                        + " of localhost) is not cross-site, and a GET that changes state is still sent").doesNotContain("lax=1");
        assertThat(sent(RequestContext.crossSiteSubresource("GET")))
                .as("an <img> or fetch() from another site is not a top-level navigation: no Lax cookies").doesNotContain("lax=1");
    }

    @Test
    @Order(3)
    @DisplayName("C12 · SameSite=None (with Secure) goes with every cross-site request")
    void noneGoesEverywhere() {
        assertThat(sent(RequestContext.crossSiteSubresource("POST")))
                .as("None opts out of SameSite protection: even a cross-site background POST carries it, and only it")
                .isEqualTo("none=1");
    }

    @Test
    @Order(4)
    @DisplayName("C12 · SameSite=None without Secure is rejected")
    void noneWithoutSecureIsRejected() {
        assertThat(jar.setCookie(BANK, "tracker=1; Path=/; SameSite=None"))
                .as("RFC 6265bis 5.7: a cookie with SameSite=None but no Secure is ignored entirely").isEmpty();
        assertThat(sent(RequestContext.crossSiteSubresource("GET")))
                .as("so a cross-site request carries only the Secure None cookie").isEqualTo("none=1");
    }

    @Test
    @Order(5)
    @DisplayName("C12 · a cookie without SameSite is treated as Lax by this jar")
    void missingSameSiteIsLax() {
        assertThat(sent(RequestContext.crossSiteNavigation("GET")))
                .as("no SameSite attribute → Lax here (Chromium's 'Lax by default'): a cross-site link carries it").contains("unset=1");
        assertThat(sent(RequestContext.crossSiteNavigation("POST")))
                .as("… but a cross-site POST does not. Chromium makes a 2-minute exception for fresh cookies on top-level POSTs;"
                        + " other browsers may treat a missing SameSite as None. Servers should always set SameSite explicitly")
                .doesNotContain("unset=1");
    }
}
