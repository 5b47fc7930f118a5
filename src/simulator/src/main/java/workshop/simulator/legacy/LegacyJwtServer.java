package workshop.simulator.legacy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import workshop.simulator.SimulatedServer;
import workshop.simulator.SimulatorException;

/**
 * ATTACK DEMO — a deliberately vulnerable "legacy" API for module 04. Every flaw here is on purpose, one per step,
 * each under its own path prefix; never copy this code. It listens on 127.0.0.1 only, answers only requests addressed
 * to a loopback name, and exists only while a test or a notebook runs (keys and secrets are generated per run).
 * <ul>
 *   <li>{@code POST /<step>/login} with form fields {@code username}, {@code password} (alice / wonderland) →
 *       {@code {"token": …}} for that step, with the claim {@code role: user}</li>
 *   <li>{@code GET /<step>/admin} with {@code Authorization: Bearer …} → 200 and the admin data when the step's
 *       flawed check accepts the token and it says {@code role: admin}; 403 for another role; 401 otherwise</li>
 * </ul>
 * The steps and their flaws:
 * <ul>
 *   <li>{@code a1} HS256, the signature is never checked: the payload is decoded and trusted</li>
 *   <li>{@code a2} HS256, {@code alg: none} in any casing is accepted, and so is an empty signature</li>
 *   <li>{@code a3} HS256 correctly checked, but the secret is a word from {@link WordList}, picked per run</li>
 *   <li>{@code a4} RS256; the algorithm comes from the token: HS256 is checked with the public key's PEM text
 *       ({@code GET /a4/public.pem}, see {@link Pem}) as the HMAC secret</li>
 *   <li>{@code a5} the same flaw, the key is not published; its public exponent is 3 (see notebook 04, A5)</li>
 *   <li>{@code a6} RS256; a public key embedded in the header ({@code jwk}) is trusted</li>
 *   <li>{@code a7} RS256; a {@code jku} header is followed (loopback addresses only) and its JWKS trusted; so is an
 *       {@code x5u} header, whose PEM certificate's key is trusted without any chain or date check</li>
 *   <li>{@code a8-file} HS256; {@code kid} names a file under a per-run key folder, path not checked; a known file
 *       is published at {@code GET /a8-file/public/welcome.txt} (it lives in the folder beside the keys)</li>
 *   <li>{@code a8-sql} HS256; {@code kid} is pasted into SQL for an in-memory H2 database</li>
 *   <li>{@code a9} ES256 checked by {@link FlawedEcdsa}, without the {@code r, s ∈ [1, n−1]} check</li>
 *   <li>{@code a10} refresh tokens ({@code POST /a10/login} with {@code client_id}, {@code POST /a10/refresh} with
 *       {@code refresh_token}, {@code client_id}): not bound to the client, never rotated, reuse never noticed</li>
 * </ul>
 */
public final class LegacyJwtServer {

    /** The demo user (not a secret: it is a simulator). */
    public static final String USER = "alice";
    /** The demo user's password. */
    public static final String PASSWORD = "wonderland";
    /** The client that alice's app is (A10). */
    public static final String CLIENT = "workshop-cli";
    /** Another registered client (A10): a partner app, compromised or malicious. */
    public static final String OTHER_CLIENT = "partner-app";
    /** The issuer of every token. */
    public static final String ISSUER = "https://legacy.workshop.example";
    /** The label on every answer. */
    public static final String LABEL = "ATTACK DEMO: deliberately vulnerable legacy server (workshop kit, loopback only)";

    private static final String TRANSFORMER = "legacy-jwt-server";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> PASSWORDS = Map.of(USER, PASSWORD, "bob", "builder");
    private static final Set<String> CLIENTS = Set.of(CLIENT, OTHER_CLIENT);
    private static final List<String> STEPS = List.of("a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8-file", "a8-sql", "a9", "a10");
    private static final String WELCOME = "Welcome to the legacy API. (ATTACK DEMO: this public file sits beside the key folder.)\n";

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final String adminData;
    private final Map<String, byte[]> hmacKeys = new ConcurrentHashMap<>(); // step -> key
    private final String weakSecret;
    /** Key generation runs beside the start (RSA with C1-only JITs, as in the kit's test runs, takes seconds). */
    private static final java.util.concurrent.Executor KEY_MAKER = java.util.concurrent.Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "legacy-server-keys");
        thread.setDaemon(true);
        return thread;
    });
    private final java.util.concurrent.CompletableFuture<KeyPair> rsaKey;  // a4, a6, a7 (each with its own kid)
    private final java.util.concurrent.CompletableFuture<KeyPair> rsaKeyE3; // a5
    private final java.util.concurrent.CompletableFuture<KeyPair> ecKey;    // a9
    private final Map<String, String> kids = new ConcurrentHashMap<>(); // step -> kid
    private final Path keyFolder;
    private final Connection database;
    private final Map<String, String[]> refreshTokens = new ConcurrentHashMap<>(); // token -> {user, client}
    private final AtomicInteger jkuFetches = new AtomicInteger();
    private final AtomicInteger x5uFetches = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private LegacyJwtServer(Clock clock) {
        this.clock = clock;
        this.adminData = "launch code " + hex(8);
        for (String step : List.of("a1", "a2", "a10")) {
            hmacKeys.put(step, bytes(32));
        }
        List<String> words = WordList.words();
        this.weakSecret = words.get(random.nextInt(words.size()));
        hmacKeys.put("a3", weakSecret.getBytes(StandardCharsets.UTF_8));
        for (String step : STEPS) {
            kids.put(step, step + "-" + hex(4));
        }
        this.rsaKey = java.util.concurrent.CompletableFuture.supplyAsync(() -> rsa(65537), KEY_MAKER);
        this.rsaKeyE3 = java.util.concurrent.CompletableFuture.supplyAsync(() -> rsa(3), KEY_MAKER);
        this.ecKey = java.util.concurrent.CompletableFuture.supplyAsync(this::ec, KEY_MAKER);
        this.keyFolder = newKeyFolder();
        this.database = newDatabase();
    }

    /** Starts the legacy server on a free loopback port. Stop it with {@code close()} (try-with-resources, last cell). */
    public static SimulatedServer start(Clock clock) {
        LegacyJwtServer legacy = new LegacyJwtServer(clock);
        return SimulatedServer.start("legacy JWT server (ATTACK DEMO)", 0, clock, LegacyJwtServer::addPages, legacy.new Pages());
    }

    /** The control panel of a running legacy server: what its configuration holds (its keys), for defences and tests. */
    public static LegacyJwtServer of(SimulatedServer server) {
        Extension extension = server.wireMock().getOptions().getDeclaredExtensions().getInstances().get(TRANSFORMER);
        if (extension instanceof Pages pages) {
            return pages.owner();
        }
        throw new SimulatorException("The " + server.name() + " is not the legacy JWT server: start one with LegacyJwtServer.start(clock).");
    }

    private static void addPages(WireMockServer server) {
        for (String step : STEPS) {
            server.stubFor(post(urlPathEqualTo("/" + step + "/login")).willReturn(page("login", step)));
            server.stubFor(get(urlPathEqualTo("/" + step + "/admin")).willReturn(page("admin", step)));
        }
        server.stubFor(get(urlPathEqualTo("/a4/public.pem")).willReturn(page("pem", "a4")));
        server.stubFor(get(urlPathEqualTo("/a8-file/public/welcome.txt")).willReturn(page("welcome", "a8-file")));
        server.stubFor(post(urlPathEqualTo("/a10/refresh")).willReturn(page("refresh", "a10")));
        server.stubFor(get(urlPathMatching("/")).willReturn(page("home", "")));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder page(String action, String step) {
        return aResponse().withTransformers(TRANSFORMER).withTransformerParameter("action", action)
                .withTransformerParameter("step", step);
    }

    // ---- the configuration: what a defence may use (keys from configuration, never from the token) ----

    /** The HMAC key of step {@code a1}, {@code a2}, {@code a3} (the weak one) or {@code a10}. */
    public byte[] hmacKey(String step) {
        byte[] key = hmacKeys.get(step);
        if (key == null) {
            throw new SimulatorException("Step '" + step + "' has no HMAC key; these do: " + hmacKeys.keySet());
        }
        return key.clone();
    }

    /** The public key of step {@code a4}, {@code a5}, {@code a6}, {@code a7} (RSA) or {@code a9} (EC P-256). */
    public PublicKey publicKey(String step) {
        return pair(step).getPublic();
    }

    /** A step's key pair, generated in the background since the start (waits for it if need be). */
    private KeyPair pair(String step) {
        return switch (step) {
            case "a4", "a6", "a7" -> rsaKey.join();
            case "a5" -> rsaKeyE3.join(); // e = 3 on purpose: see the class comment and notebook 04, A5
            case "a9" -> ecKey.join();
            default -> throw new SimulatorException("Step '" + step + "' has no key pair; a4, a5, a6, a7 and a9 do.");
        };
    }

    /** The {@code kid} the tokens of {@code step} carry. */
    public String kid(String step) {
        return kids.get(step);
    }

    /** The secret for the kid of {@code a8-file} and {@code a8-sql}: 64 random hex digits, the same in the file and the table. */
    public byte[] keyForKid(String step) {
        return hmacKeys.computeIfAbsent("a8", s -> hex(32).getBytes(StandardCharsets.US_ASCII)).clone();
    }

    /** What the admin page reveals: proof that an exploit worked. */
    public String adminData() {
        return adminData;
    }

    /** The weak secret of step a3: for the tests, to check what a cracker found. */
    public String weakSecret() {
        return weakSecret;
    }

    /** How many JWKS the a7 endpoint fetched by following a token's {@code jku}. */
    public int jkuFetches() {
        return jkuFetches.get();
    }

    /** How many certificates the a7 endpoint fetched by following a token's {@code x5u}. */
    public int x5uFetches() {
        return x5uFetches.get();
    }

    /** A token of {@code step} for {@code user}, as {@code /<step>/login} issues it. */
    public String issue(String step, String user) {
        return issue(step, user, Map.of());
    }

    private String issue(String step, String user, Map<String, Object> extra) {
        long now = clock.instant().getEpochSecond();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("iss", ISSUER);
        payload.put("sub", user);
        payload.put("role", "user");
        payload.put("iat", now);
        payload.put("exp", now + 300);
        payload.put("jti", UUID.randomUUID().toString());
        payload.putAll(extra);
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", algorithm(step));
        header.put("typ", "JWT");
        if (!List.of("a1", "a2", "a3", "a10").contains(step)) {
            header.put("kid", kids.get(step));
        }
        String input = b64(json(header).getBytes(StandardCharsets.UTF_8)) + "." + b64(json(payload).getBytes(StandardCharsets.UTF_8));
        byte[] data = input.getBytes(StandardCharsets.US_ASCII);
        byte[] signature = switch (algorithm(step)) {
            case "HS256" -> hmac(step.startsWith("a8") ? keyForKid(step) : hmacKeys.get(step), data);
            case "RS256" -> sign("SHA256withRSA", pair(step).getPrivate(), data);
            case "ES256" -> sign("SHA256withECDSAinP1363Format", pair(step).getPrivate(), data);
            default -> throw new IllegalStateException(step);
        };
        return input + "." + b64(signature);
    }

    private static String algorithm(String step) {
        return switch (step) {
            case "a4", "a5", "a6", "a7" -> "RS256";
            case "a9" -> "ES256";
            default -> "HS256";
        };
    }

    // ---- the flawed checks, one per step: every one of them is WRONG on purpose ----

    /** The claims if the step's flawed check accepts the token; otherwise throws Refused with the reason. */
    Map<String, Object> flawedCheck(String step, String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new Refused("not a compact JWS (three parts)");
        }
        Map<String, Object> header = object(parts[0]);
        Map<String, Object> payload = object(parts[1]);
        byte[] input = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        byte[] signature = unb64(parts[2]);
        String alg = String.valueOf(header.get("alg"));
        boolean valid = switch (step) {
            case "a1" -> true; // FLAW: decoded, never verified
            case "a2" -> alg.toLowerCase(Locale.ROOT).equals("none") || signature.length == 0 // FLAW: "unsigned" accepted
                    || (alg.equals("HS256") && MessageDigest.isEqual(hmac(hmacKeys.get(step), input), signature));
            case "a3" -> alg.equals("HS256") && MessageDigest.isEqual(hmac(hmacKeys.get(step), input), signature);
            case "a4", "a5" -> switch (alg) { // FLAW: the token chooses the algorithm for an RSA key
                case "RS256" -> verify("SHA256withRSA", pair(step).getPublic(), input, signature);
                case "HS256" -> MessageDigest.isEqual(hmac(Pem.publicKey(pair(step).getPublic())
                        .getBytes(StandardCharsets.US_ASCII), input), signature);
                default -> false;
            };
            case "a6" -> alg.equals("RS256") && verify("SHA256withRSA", header.get("jwk") instanceof Map<?, ?> jwk
                    ? rsaKey(jwk) : pair(step).getPublic(), input, signature); // FLAW: the token's own key
            case "a7" -> alg.equals("RS256") && verify("SHA256withRSA", linkedKey(header, step), input, signature);
            case "a8-file" -> alg.equals("HS256") && MessageDigest.isEqual(hmac(keyFromFile(header.get("kid")), input), signature);
            case "a8-sql" -> alg.equals("HS256") && MessageDigest.isEqual(hmac(keyFromSql(header.get("kid")), input), signature);
            case "a9" -> alg.equals("ES256") && new FlawedEcdsa((ECPublicKey) pair(step).getPublic()).verify(input, signature);
            case "a10" -> alg.equals("HS256") && MessageDigest.isEqual(hmac(hmacKeys.get(step), input), signature);
            default -> false;
        };
        if (!valid) {
            throw new Refused("the signature does not match");
        }
        if (payload.get("exp") instanceof Number exp && exp.longValue() <= clock.instant().getEpochSecond()) {
            throw new Refused("the token expired");
        }
        return payload;
    }

    private byte[] keyFromFile(Object kid) {
        if (!(kid instanceof String name)) {
            throw new Refused("no kid");
        }
        try {
            return Files.readAllBytes(keyFolder.resolve(name)); // FLAW: kid is a path, never checked
        } catch (IOException | RuntimeException e) {
            throw new Refused("no key file for that kid");
        }
    }

    private byte[] keyFromSql(Object kid) {
        if (!(kid instanceof String name)) {
            throw new Refused("no kid");
        }
        String sql = "SELECT secret FROM signing_keys WHERE kid = '" + name + "'"; // FLAW: SQL by concatenation
        synchronized (database) {
            try (Statement statement = database.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
                if (!rows.next()) {
                    throw new Refused("no key for that kid");
                }
                return rows.getString(1).getBytes(StandardCharsets.UTF_8);
            } catch (SQLException e) {
                throw new Refused("the key lookup failed");
            }
        }
    }

    /** A7's key: FLAW — wherever the token's {@code jku} or {@code x5u} points, else the configured one. */
    private PublicKey linkedKey(Map<String, Object> header, String step) {
        if (header.get("jku") instanceof String jku) {
            return fetchKey(jku, header.get("kid"));
        }
        if (header.get("x5u") instanceof String x5u) {
            return fetchCertificateKey(x5u);
        }
        return pair(step).getPublic();
    }

    private PublicKey fetchKey(String jku, Object kid) {
        jkuFetches.incrementAndGet();
        try {
            Object keys = JSON.readValue(fetch(jku, "jku"), Map.class).get("keys");
            if (keys instanceof List<?> list) {
                for (Object key : list) {
                    if (key instanceof Map<?, ?> jwk && (kid == null || kid.equals(jwk.get("kid")))) {
                        return rsaKey(jwk);
                    }
                }
            }
            throw new Refused("no key in the JWKS at jku");
        } catch (IOException e) {
            throw new Refused("the JWKS at jku could not be read");
        }
    }

    /** RFC 7515 4.1.5: x5u names a PEM certificate or chain; the first certificate holds the signer's key. */
    private PublicKey fetchCertificateKey(String x5u) {
        x5uFetches.incrementAndGet();
        byte[] pem = fetch(x5u, "x5u").getBytes(StandardCharsets.US_ASCII);
        try {
            var chain = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem));
            if (chain.isEmpty()) {
                throw new Refused("no certificate at x5u");
            }
            // FLAW: no path to a trusted root, no validity dates, no key usage: any self-signed certificate will do.
            return chain.iterator().next().getPublicKey();
        } catch (CertificateException e) {
            throw new Refused("the certificate at x5u could not be read");
        }
    }

    private String fetch(String address, String name) {
        URI uri;
        try {
            uri = URI.create(address);
        } catch (IllegalArgumentException e) {
            throw new Refused(name + " is not a URI");
        }
        // Kit safety, not a defence: even this vulnerable demo fetches only from loopback addresses.
        if (!"http".equals(uri.getScheme()) || !Set.of("127.0.0.1", "localhost").contains(uri.getHost())) {
            throw new Refused("the demo follows " + name + " only to http://127.0.0.1 or http://localhost (kit safety)");
        }
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new Refused("the document at " + name + " could not be read");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused("interrupted");
        }
    }

    private static PublicKey rsaKey(Map<?, ?> jwk) {
        try {
            BigInteger n = new BigInteger(1, unb64(String.valueOf(jwk.get("n"))));
            BigInteger e = new BigInteger(1, unb64(String.valueOf(jwk.get("e"))));
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
        } catch (GeneralSecurityException | RuntimeException ex) {
            throw new Refused("not an RSA JWK");
        }
    }

    // ---- A10: refresh tokens done wrong ----

    private Map<String, Object> tokensFor(String user, String client) {
        String refresh = hex(16);
        refreshTokens.put(refresh, new String[] {user, client});
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("attack_demo", LABEL);
        body.put("access_token", issue("a10", user, Map.of("client_id", client)));
        body.put("token_type", "Bearer");
        body.put("expires_in", 300);
        body.put("refresh_token", refresh);
        return body;
    }

    // ---- plumbing ----

    private KeyPair rsa(int exponent) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(new RSAKeyGenParameterSpec(2048, BigInteger.valueOf(exponent)), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new SimulatorException("Could not generate an RSA key: " + e.getMessage(), e);
        }
    }

    private KeyPair ec() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new SimulatorException("Could not generate an EC key: " + e.getMessage(), e);
        }
    }

    private Path newKeyFolder() {
        try {
            Path root = Files.createTempDirectory("workshop-legacy-");
            Path keys = Files.createDirectory(root.resolve("keys"));
            Path pub = Files.createDirectory(root.resolve("public"));
            root.toFile().deleteOnExit();
            keys.toFile().deleteOnExit();
            pub.toFile().deleteOnExit();
            Path key = Files.write(keys.resolve(kids.get("a8-file")), keyForKid("a8-file"));
            key.toFile().deleteOnExit();
            Path welcome = Files.writeString(pub.resolve("welcome.txt"), WELCOME);
            welcome.toFile().deleteOnExit();
            return keys;
        } catch (IOException e) {
            throw new SimulatorException("The legacy server needs a temporary folder for its keys (" + e.getMessage() + ").", e);
        }
    }

    private Connection newDatabase() {
        try {
            // The driver directly, not DriverManager: a notebook kernel loads the jar in a class loader DriverManager ignores.
            Connection connection = new org.h2.Driver().connect("jdbc:h2:mem:legacy-" + hex(6) + ";DB_CLOSE_DELAY=0", new java.util.Properties());
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE TABLE signing_keys (kid VARCHAR(64) PRIMARY KEY, secret VARCHAR(128) NOT NULL)");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO signing_keys VALUES (?, ?)")) {
                insert.setString(1, kids.get("a8-sql"));
                insert.setString(2, new String(keyForKid("a8-sql"), StandardCharsets.US_ASCII));
                insert.executeUpdate();
            }
            return connection;
        } catch (SQLException e) {
            throw new SimulatorException("The legacy server's in-memory H2 database could not start (" + e.getMessage() + ").", e);
        }
    }

    private byte[] bytes(int count) {
        byte[] out = new byte[count];
        random.nextBytes(out);
        return out;
    }

    private String hex(int count) {
        return HexFormat.of().formatHex(bytes(count));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new Refused("the key is unusable for HMAC");
        }
    }

    private static byte[] sign(String algorithm, PrivateKey key, byte[] data) {
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new SimulatorException("Could not sign: " + e.getMessage(), e);
        }
    }

    private static boolean verify(String algorithm, PublicKey key, byte[] data, byte[] signatureBytes) {
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initVerify(key);
            signature.update(data);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] unb64(String text) {
        try {
            return Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new Refused("not base64url");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(String part) {
        try {
            return JSON.readValue(unb64(part), Map.class);
        } catch (IOException | RuntimeException e) {
            throw new Refused("a part is not base64url JSON");
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new SimulatorException("Could not write JSON: " + e.getMessage(), e);
        }
    }

    /** Why the flawed check refused a token (the message goes into the 401 answer). */
    static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The pages (a WireMock V2 transformer). */
    private final class Pages implements ResponseDefinitionTransformerV2 {

        LegacyJwtServer owner() {
            return LegacyJwtServer.this;
        }

        @Override
        public String getName() {
            return TRANSFORMER;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Request request = event.getRequest();
            String action = String.valueOf(event.getTransformerParameters().getOrDefault("action", ""));
            String step = String.valueOf(event.getTransformerParameters().getOrDefault("step", ""));
            try {
                return switch (action) {
                    case "login" -> login(step, LegacyForms.decode(request.getBodyAsString()));
                    case "admin" -> admin(step, request.getHeader("Authorization"));
                    case "pem" -> text(200, "application/x-pem-file", Pem.publicKey(publicKey(step)));
                    case "welcome" -> text(200, "text/plain; charset=utf-8", WELCOME);
                    case "refresh" -> refresh(LegacyForms.decode(request.getBodyAsString()));
                    case "home" -> text(200, "text/plain; charset=utf-8", LABEL + "\nSteps: " + STEPS
                            + "\nPOST /<step>/login, GET /<step>/admin — see notebooks/04-attacks.ipynb\n");
                    default -> text(500, "text/plain", "unknown action");
                };
            } catch (Refused e) {
                return answer(401, Map.of("attack_demo", LABEL, "error", "invalid_token", "error_description", e.getMessage()));
            } catch (RuntimeException e) {
                System.err.println("[legacy server] " + request.getUrl() + " failed: " + e);
                return text(500, "text/plain; charset=utf-8", LABEL + "\n500: the demo server failed on this request.\n");
            }
        }

        private ResponseDefinition login(String step, Map<String, String> form) {
            String user = form.getOrDefault("username", "");
            if (!form.getOrDefault("password", "").equals(PASSWORDS.get(user))) {
                return answer(400, Map.of("attack_demo", LABEL, "error", "invalid_grant"));
            }
            if (step.equals("a10")) {
                String client = form.getOrDefault("client_id", CLIENT);
                if (!CLIENTS.contains(client)) {
                    return answer(400, Map.of("attack_demo", LABEL, "error", "invalid_client"));
                }
                return answer(200, tokensFor(user, client));
            }
            return answer(200, Map.of("attack_demo", LABEL, "token", issue(step, user)));
        }

        private ResponseDefinition admin(String step, String authorization) {
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                throw new Refused("send Authorization: Bearer <token>");
            }
            Map<String, Object> claims = flawedCheck(step, authorization.substring("Bearer ".length()).strip());
            if (!"admin".equals(claims.get("role"))) {
                return answer(403, Map.of("attack_demo", LABEL, "error", "forbidden",
                        "error_description", "admins only; your role is " + claims.get("role")));
            }
            return answer(200, Map.of("attack_demo", LABEL, "admin_data", adminData, "sub", String.valueOf(claims.get("sub"))));
        }

        private ResponseDefinition refresh(Map<String, String> form) {
            String[] owner = refreshTokens.get(form.getOrDefault("refresh_token", ""));
            if (owner == null) {
                return answer(400, Map.of("attack_demo", LABEL, "error", "invalid_grant"));
            }
            String client = form.getOrDefault("client_id", "");
            if (!CLIENTS.contains(client)) {
                return answer(400, Map.of("attack_demo", LABEL, "error", "invalid_client"));
            }
            // FLAW: the token is not checked against the client it was issued to, is not rotated, and reuse is not noticed.
            return answer(200, tokensFor(owner[0], client));
        }

        private ResponseDefinition answer(int status, Map<String, Object> body) {
            return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                    .withHeader("Cache-Control", "no-store").withHeader("X-Attack-Demo", LABEL)
                    .withBody(json(body)).build();
        }

        private ResponseDefinition text(int status, String type, String body) {
            return aResponse().withStatus(status).withHeader("Content-Type", type)
                    .withHeader("X-Attack-Demo", LABEL).withBody(body).build();
        }
    }
}
