package workshop.cookies;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workshop.cookies.CookieAudit.Finding;
import workshop.cookies.CookieAudit.Issue;
import workshop.simulator.CookieSite;
import workshop.simulator.MutableClock;
import workshop.simulator.SimulatorExtension;

@Order(11)
@DisplayName("Auditing a server's cookies")
class CookieAuditTest {

    private static final MutableClock clock = MutableClock.atWorkshopStart();

    @RegisterExtension
    static final SimulatorExtension site = SimulatorExtension.of(CookieSite::start, clock);

    @Test
    @Order(1)
    @DisplayName("C17 · a well-configured session cookie has no findings")
    void goodCookie() {
        assertThat(CookieAudit.audit(List.of("__Host-SID=q8Zk3; Path=/; Secure; HttpOnly; SameSite=Lax")))
                .as("Secure, HttpOnly, SameSite set, no Domain, no expiry: nothing to report").isEmpty();
    }

    @Test
    @Order(2)
    @DisplayName("C17 · a weak session cookie gets every finding")
    void weakSessionCookie() {
        assertThat(CookieAudit.audit(List.of("JSESSIONID=42; Domain=site.example; Path=/; Max-Age=86400")))
                .as("OWASP Session Management: a session ID needs HttpOnly and Secure, an explicit SameSite, no Domain (too broad)"
                        + " and no expiry (it should die with the browser)")
                .containsExactlyInAnyOrder(
                        new Finding("JSESSIONID", Issue.MISSING_HTTPONLY),
                        new Finding("JSESSIONID", Issue.MISSING_SECURE),
                        new Finding("JSESSIONID", Issue.MISSING_SAMESITE),
                        new Finding("JSESSIONID", Issue.DOMAIN_TOO_BROAD),
                        new Finding("JSESSIONID", Issue.PERSISTENT_SESSION_ID));
    }

    @Test
    @Order(3)
    @DisplayName("C17 · SameSite=None without Secure is reported; a plain preference needs no HttpOnly")
    void noneWithoutSecure() {
        assertThat(CookieAudit.audit(List.of("tracker=x; Path=/; SameSite=None", "theme=dark; Path=/; Max-Age=0")))
                .as("'tracker' is not a session ID (no HttpOnly demand) but SameSite=None without Secure is rejected by browsers;"
                        + " a deletion (Max-Age=0) is not audited")
                .containsExactlyInAnyOrder(
                        new Finding("tracker", Issue.MISSING_SECURE),
                        new Finding("tracker", Issue.SAMESITE_NONE_WITHOUT_SECURE));
    }

    @Test
    @Order(4)
    @DisplayName("C17 · the audit finds the weak login cookies of the live /weak/login page")
    void auditLiveServer() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(site.uri("/weak/login")).GET().build(), HttpResponse.BodyHandlers.ofString());
        List<Finding> findings = CookieAudit.audit(response.headers().allValues("Set-Cookie"));
        assertThat(findings)
                .as("the simulated site's weak login (below) has a session ID without HttpOnly, with a Domain and a lifetime"
                        + " (Max-Age or Expires: any value makes it persistent), and"
                        + " a tracker with SameSite=None but no Secure:%n%s", site.lastExchange())
                .contains(
                        new Finding("sessionid", Issue.MISSING_HTTPONLY),
                        new Finding("sessionid", Issue.DOMAIN_TOO_BROAD),
                        new Finding("sessionid", Issue.PERSISTENT_SESSION_ID),
                        new Finding("tracker", Issue.SAMESITE_NONE_WITHOUT_SECURE));
    }
}
