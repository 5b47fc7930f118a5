package workshop.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.IncorrectClaimException;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.Locator;
import io.jsonwebtoken.MissingClaimException;
import io.jsonwebtoken.PrematureJwtException;
import io.jsonwebtoken.ProtectedHeader;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.SignatureException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.SecretKey;

/**
 * The simulated authorization server and API (OAuth 2.0-style, RFC 6749/6750):
 * <ul>
 *   <li>{@code POST /token} with {@code username} and {@code password} (form or JSON) → an access token
 *       (RS256 or ES256, {@code alg=ES256} to choose; header {@code typ: at+jwt} and the claims RFC 9068 2.2 requires:
 *       {@code iss, exp, aud, sub, client_id, iat, jti}), a refresh token ({@code typ: rt+jwt}), {@code expires_in},
 *       {@code token_type: Bearer}</li>
 *   <li>{@code POST /refresh} with {@code refresh_token} → a new pair. This server's policy: refresh tokens are
 *       single-use (rotation) and a reused one revokes its whole family. RFC 6749 6 allows keeping the old one too;
 *       RFC 9700 4.14.2 asks for rotation or sender-constrained refresh tokens for public clients.</li>
 *   <li>{@code GET /api/profile} with {@code Authorization: Bearer <access token>} → the user's profile, or
 *       401 with {@code WWW-Authenticate: Bearer error="invalid_token", error_description="…"}; a token whose
 *       {@code typ} is not {@code at+jwt} is refused even when its signature, {@code iss} and {@code aud} are right</li>
 *   <li>{@code GET /.well-known/jwks.json} → the public keys, by {@code kid}; every fetch is counted</li>
 * </ul>
 * Keys are generated per run; times come from the injected clock. Control it from Java with {@link #of(SimulatedServer)}.
 */
public final class TokenServer {

    /** A demo user of the simulated server (not a secret: it is a simulator). */
    public static final String DEMO_USER = "alice";
    /** The demo user's password. */
    public static final String DEMO_PASSWORD = "wonderland";
    /**
     * The one client this server knows: a public client (no secret), like a command-line tool. Access tokens carry it
     * as {@code client_id} (REQUIRED by RFC 9068 2.2); {@code /token} and {@code /refresh} accept it as an optional
     * {@code client_id} form field and refuse any other value.
     */
    public static final String DEMO_CLIENT_ID = "workshop-cli";

    private static final String TRANSFORMER = "token-server";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> PASSWORDS = Map.of(DEMO_USER, DEMO_PASSWORD, "bob", "builder");
    private static final Map<String, String> NAMES = Map.of(DEMO_USER, "Alice Liddell", "bob", "Bob Builder");
    private static final String REFRESH_AUDIENCE = "refresh";
    /** The {@code typ} of access tokens (RFC 9068 2.1): the API accepts no other JWT as an access token. */
    public static final String ACCESS_TOKEN_TYPE = "at+jwt";
    /** The {@code typ} of refresh tokens: an explicit type of their own (RFC 8725 3.11), never mistaken for an access token. */
    public static final String REFRESH_TOKEN_TYPE = "rt+jwt";

    /**
     * How the server issues and checks tokens.
     *
     * @param issuer            the {@code iss} of every token
     * @param audience          the {@code aud} of access tokens (the API)
     * @param accessLifetime    access token lifetime ({@code expires_in})
     * @param refreshLifetime   refresh token lifetime
     * @param accessAlgorithm   RS256 or ES256, unless the token request asks for the other one
     * @param maxTokenChars     longer bearer tokens are refused before parsing
     */
    public record Settings(String issuer, String audience, Duration accessLifetime, Duration refreshLifetime,
                           String accessAlgorithm, int maxTokenChars) {
        public Settings {
            Objects.requireNonNull(issuer);
            Objects.requireNonNull(audience);
            if (accessLifetime.isNegative() || accessLifetime.isZero() || refreshLifetime.isNegative() || refreshLifetime.isZero()) {
                throw new SimulatorException("Token lifetimes must be positive, got access " + accessLifetime + ", refresh " + refreshLifetime + ".");
            }
            if (!ASYMMETRIC.contains(accessAlgorithm)) {
                throw new SimulatorException("accessAlgorithm must be one of " + ASYMMETRIC + ", got '" + accessAlgorithm + "'.");
            }
        }

        /** Issuer {@code https://auth.workshop.example}, audience {@code workshop-api}, 5 minutes / 1 hour, RS256, 8 KiB. */
        public static Settings defaults() {
            return new Settings("https://auth.workshop.example", "workshop-api", Duration.ofMinutes(5), Duration.ofHours(1), "RS256", 8192);
        }

        public Settings withAccessLifetime(Duration lifetime) {
            return new Settings(issuer, audience, lifetime, refreshLifetime, accessAlgorithm, maxTokenChars);
        }

        public Settings withRefreshLifetime(Duration lifetime) {
            return new Settings(issuer, audience, accessLifetime, lifetime, accessAlgorithm, maxTokenChars);
        }

        public Settings withAccessAlgorithm(String algorithm) {
            return new Settings(issuer, audience, accessLifetime, refreshLifetime, algorithm, maxTokenChars);
        }
    }

    /** The signing algorithms of access tokens (published in the JWKS). */
    public static final List<String> ASYMMETRIC = List.of("RS256", "ES256");

    private final Settings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, KeyPair> currentKeys = new ConcurrentHashMap<>(); // alg -> key pair
    private final Map<String, String> currentKids = new ConcurrentHashMap<>(); // alg -> kid
    private final Map<String, PublicKey> published = new ConcurrentHashMap<>(); // kid -> public key
    private final Map<String, String> publishedAlg = new ConcurrentHashMap<>(); // kid -> alg
    private final List<String> publishedOrder = new ArrayList<>();
    private final SecretKey refreshKey = Jwts.SIG.HS256.key().build();
    private final Map<String, RefreshState> refreshTokens = new ConcurrentHashMap<>(); // jti -> state
    private final Set<String> revokedFamilies = ConcurrentHashMap.newKeySet();
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final AtomicInteger refreshes = new AtomicInteger();

    private record RefreshState(String subject, String family, boolean used) {
    }

    private TokenServer(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        for (String alg : ASYMMETRIC) {
            rotateSigningKey(alg);
        }
    }

    /** Starts the token server on a free loopback port with default settings. */
    public static SimulatedServer start(Clock clock) {
        return start(clock, 0);
    }

    /** Starts the token server on {@code port} (0 = a free one). */
    public static SimulatedServer start(Clock clock, int port) {
        return start(clock, port, Settings.defaults());
    }

    /** Starts the token server with other settings, e.g. {@code Settings.defaults().withAccessLifetime(Duration.ofSeconds(30))}. */
    public static SimulatedServer start(Clock clock, int port, Settings settings) {
        TokenServer tokens = new TokenServer(settings, clock);
        return SimulatedServer.start("token server", port, clock, TokenServer::addPages, tokens.new Endpoints());
    }

    /** The token server behind a running simulated server, to read its counters or rotate its keys. */
    public static TokenServer of(SimulatedServer server) {
        Extension extension = server.wireMock().getOptions().getDeclaredExtensions().getInstances().get(TRANSFORMER);
        if (extension instanceof Endpoints endpoints) {
            return endpoints.owner();
        }
        throw new SimulatorException("The " + server.name() + " is not a token server: start one with TokenServer.start(clock).");
    }

    private static void addPages(WireMockServer server) {
        server.stubFor(post(urlPathEqualTo("/token")).willReturn(dynamic("token")));
        server.stubFor(post(urlPathEqualTo("/refresh")).willReturn(dynamic("refresh")));
        server.stubFor(get(urlPathEqualTo("/api/profile")).willReturn(dynamic("profile")));
        server.stubFor(get(urlPathEqualTo("/.well-known/jwks.json")).willReturn(dynamic("jwks")));
        server.stubFor(get(urlPathEqualTo("/")).willReturn(dynamic("home")));
    }

    private static ResponseDefinitionBuilder dynamic(String action) {
        return ScenarioPages.page(TRANSFORMER, action);
    }

    public Settings settings() {
        return settings;
    }

    /** How many times {@code /.well-known/jwks.json} was fetched since the start. */
    public int jwksFetches() {
        return jwksFetches.get();
    }

    /** How many access tokens were issued (by {@code /token} and {@code /refresh}). */
    public int tokensIssued() {
        return tokensIssued.get();
    }

    /** How many refresh requests succeeded. */
    public int refreshes() {
        return refreshes.get();
    }

    /** The {@code kid} new access tokens signed with {@code alg} carry. */
    public String currentKid(String alg) {
        String kid = currentKids.get(alg);
        if (kid == null) {
            throw new SimulatorException("No key for '" + alg + "': the token server signs with " + ASYMMETRIC + ".");
        }
        return kid;
    }

    /** Key rotation: a new key pair for {@code alg} with a new {@code kid}; old public keys stay published. Returns the new kid. */
    public synchronized String rotateSigningKey(String alg) {
        KeyPair pair = switch (alg) {
            case "RS256" -> Jwts.SIG.RS256.keyPair().build();
            case "ES256" -> Jwts.SIG.ES256.keyPair().build();
            default -> throw new SimulatorException("The token server signs with " + ASYMMETRIC + ", not '" + alg + "'.");
        };
        byte[] id = new byte[4];
        random.nextBytes(id);
        String kid = alg.toLowerCase() + "-" + HexFormat.of().formatHex(id);
        currentKeys.put(alg, pair);
        currentKids.put(alg, kid);
        published.put(kid, pair.getPublic());
        publishedAlg.put(kid, alg);
        publishedOrder.add(kid);
        return kid;
    }

    /** The private key new {@code alg} tokens are signed with: only for the simulator's own tests. */
    PrivateKey currentPrivateKey(String alg) {
        currentKid(alg);
        return currentKeys.get(alg).getPrivate();
    }

    /** An access token for {@code subject}, as {@code /token} would issue it (for notebooks and demos). */
    public String issueAccessToken(String subject, String alg) {
        if (!ASYMMETRIC.contains(alg)) {
            throw new SimulatorException("The token server signs access tokens with " + ASYMMETRIC + ", not '" + alg + "'.");
        }
        Instant now = clock.instant();
        tokensIssued.incrementAndGet();
        PrivateKey key = currentKeys.get(alg).getPrivate();
        var builder = Jwts.builder()
                .header().keyId(currentKids.get(alg)).type(ACCESS_TOKEN_TYPE).and()
                .issuer(settings.issuer())
                .subject(subject)
                .audience().add(settings.audience()).and()
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(settings.accessLifetime())))
                .id(UUID.randomUUID().toString())
                .claim("client_id", DEMO_CLIENT_ID)
                .claim("scope", "profile");
        return alg.equals("RS256") ? builder.signWith(key, Jwts.SIG.RS256).compact() : builder.signWith(key, Jwts.SIG.ES256).compact();
    }

    /** The JWKS document: every published public key with its kid, alg and use. */
    public String jwksJson() {
        List<Map<String, Object>> keys = new ArrayList<>();
        synchronized (this) {
            for (String kid : publishedOrder) {
                Map<String, Object> jwk = new LinkedHashMap<>(Jwks.builder().key(published.get(kid)).idFromThumbprint().build());
                jwk.put("kid", kid);
                jwk.put("alg", publishedAlg.get(kid));
                jwk.put("use", "sig");
                keys.add(jwk);
            }
        }
        return json(Map.of("keys", keys));
    }

    /** A verified access token's claims, or a reason the API refuses it (RFC 6750 invalid_token). */
    public Claims verifyAccessToken(String token) {
        if (token.length() > settings.maxTokenChars()) {
            throw new Refused("the token is too large (" + token.length() + " chars, the limit is " + settings.maxTokenChars() + ")");
        }
        var inspection = JwtInspector.inspect(token);
        if (inspection.headerClaims().containsKey("zip")) {
            throw new Refused("compressed tokens (zip header) are refused: kit policy, 'zip' is defined only for JWE"
                    + " (RFC 7516 4.1.3) and a compressed payload could be a decompression bomb");
        }
        if (inspection.headerClaims().isEmpty()) {
            // A fixed sentence: the inspector's details quote parser messages, which quote the attacker's input.
            throw new Refused("the token is malformed: a compact JWS is header.payload.signature, with a base64url-encoded"
                    + " JSON object as its header");
        }
        String alg = inspection.algorithm().orElse("(none)");
        if (!ASYMMETRIC.contains(alg)) {
            throw new Refused("the algorithm '" + alg + "' is not accepted, only " + String.join(" or ", ASYMMETRIC));
        }
        Instant now = clock.instant();
        Claims claims;
        try {
            claims = Jwts.parser()
                    .keyLocator(new PublishedKeys())
                    .requireIssuer(settings.issuer())
                    .requireAudience(settings.audience())
                    .clock(() -> Date.from(clock.instant()))
                    .build()
                    .parseSignedClaims(token)
                    .getPayload();
        } catch (ExpiredJwtException e) {
            throw new Refused("the access token expired at " + e.getClaims().getExpiration().toInstant());
        } catch (PrematureJwtException e) {
            throw new Refused("the access token is not valid before " + e.getClaims().getNotBefore().toInstant());
        } catch (MissingClaimException e) {
            throw new Refused("the token has no '" + e.getClaimName() + "' claim");
        } catch (IncorrectClaimException e) {
            throw new Refused("the '" + e.getClaimName() + "' claim is wrong (expected " + e.getClaimValue() + ")");
        } catch (SignatureException e) {
            throw new Refused("the signature does not match");
        } catch (Refused e) {
            throw e;
        } catch (JwtException | IllegalArgumentException e) {
            throw new Refused("the token is malformed");
        }
        // RFC 7519 4.1.4: the current time must be BEFORE exp; jjwt also accepts exp == now.
        if (claims.getExpiration() == null || !now.isBefore(claims.getExpiration().toInstant())) {
            throw new Refused(claims.getExpiration() == null ? "the token has no 'exp' claim"
                    : "the access token expired at " + claims.getExpiration().toInstant());
        }
        // RFC 9068 4 / RFC 8725 3.11: only a JWT typed as an access token is one. An ID token or another JWT
        // from the same issuer for the same audience is signed just as well, and still not an access token.
        Object typ = inspection.headerClaims().get("typ");
        if (!isType(typ, ACCESS_TOKEN_TYPE)) {
            throw new Refused(typ == null ? "the token has no 'typ' header; access tokens carry typ '" + ACCESS_TOKEN_TYPE + "'"
                    : "the token's typ is " + shorten(typ) + ", not '" + ACCESS_TOKEN_TYPE + "': it is not an access token");
        }
        return claims;
    }

    /**
     * Whether a {@code typ} header names {@code expected}: media types compare case-insensitively, and a value without
     * '/' stands for {@code application/<value>} (RFC 7515 4.1.9), so {@code at+jwt}, {@code AT+JWT} and
     * {@code application/at+jwt} are the same type.
     */
    static boolean isType(Object typ, String expected) {
        if (!(typ instanceof String value)) {
            return false;
        }
        String full = value.indexOf('/') < 0 ? "application/" + value : value;
        return full.equalsIgnoreCase("application/" + expected);
    }

    private static String shorten(Object untrusted) {
        String text = String.valueOf(untrusted).replaceAll("[^\\x20-\\x7E]", "?");
        return "'" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'";
    }

    /** Why the simulated API refused a token; the message goes into {@code error_description}. */
    public static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private final class PublishedKeys implements Locator<Key> {
        @Override
        public Key locate(io.jsonwebtoken.Header header) {
            String kid = header instanceof ProtectedHeader ph ? ph.getKeyId() : null;
            if (kid == null) {
                throw new Refused("the token has no 'kid' header, so no key can be chosen");
            }
            PublicKey key = published.get(kid);
            if (key == null) {
                throw new Refused("no published key has kid '" + kid + "'");
            }
            String alg = ((ProtectedHeader) header).getAlgorithm();
            if (!publishedAlg.get(kid).equals(alg)) {
                throw new Refused("the key '" + kid + "' is for " + publishedAlg.get(kid) + ", the token says " + alg);
            }
            return key;
        }
    }

    private String issueRefreshToken(String subject, String family) {
        Instant now = clock.instant();
        String jti = UUID.randomUUID().toString();
        refreshTokens.put(jti, new RefreshState(subject, family, false));
        return Jwts.builder()
                .header().type(REFRESH_TOKEN_TYPE).and()
                .issuer(settings.issuer())
                .subject(subject)
                .audience().add(REFRESH_AUDIENCE).and()
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(settings.refreshLifetime())))
                .id(jti)
                .claim("client_id", DEMO_CLIENT_ID)
                .claim("fam", family)
                .signWith(refreshKey, Jwts.SIG.HS256)
                .compact();
    }

    private Map<String, Object> tokenResponse(String subject, String family, String alg) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", issueAccessToken(subject, alg));
        body.put("token_type", "Bearer");
        body.put("expires_in", settings.accessLifetime().toSeconds());
        body.put("refresh_token", issueRefreshToken(subject, family));
        body.put("scope", "profile");
        return body;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new SimulatorException("Could not write JSON: " + e.getMessage(), e);
        }
    }

    /** The server's dynamic pages (a WireMock V2 transformer). */
    private final class Endpoints extends ScenarioPages {

        Endpoints() {
            super(TRANSFORMER);
        }

        TokenServer owner() {
            return TokenServer.this;
        }

        @Override
        ResponseDefinition answer(String action, Request request) {
            try {
                return switch (action) {
                    case "token" -> token(request);
                    case "refresh" -> refresh(request);
                    case "profile" -> profile(request);
                    case "jwks" -> jwks();
                    case "home" -> home();
                    default -> text(500, "Unknown page action '" + action + "' (a bug in the simulator).").build();
                };
            } catch (BadRequest e) {
                return jsonResponse(400, Map.of("error", "invalid_request", "error_description", e.getMessage()));
            }
        }

        private ResponseDefinition token(Request request) {
            Map<String, String> params = params(request);
            String username = params.get("username");
            String password = params.get("password");
            if (username == null || password == null) {
                throw new BadRequest("send username and password (form fields or a JSON object)");
            }
            ResponseDefinition wrongClient = checkClient(params);
            if (wrongClient != null) {
                return wrongClient;
            }
            String grantType = params.getOrDefault("grant_type", "password");
            if (!grantType.equals("password")) {
                return oauthError("unsupported_grant_type", "/token accepts grant_type=password; use /refresh for refresh tokens");
            }
            if (!password.equals(PASSWORDS.get(username))) {
                return oauthError("invalid_grant", "wrong username or password");
            }
            String alg = params.getOrDefault("alg", settings.accessAlgorithm());
            if (!ASYMMETRIC.contains(alg)) {
                throw new BadRequest("alg must be one of " + ASYMMETRIC + ", got '" + alg + "'");
            }
            return jsonResponse(200, tokenResponse(username, UUID.randomUUID().toString(), alg));
        }

        /** RFC 6749 2.2, 5.2: the client may name itself; an unknown client_id is refused, not ignored. */
        private ResponseDefinition checkClient(Map<String, String> params) {
            String clientId = params.get("client_id");
            if (clientId == null || clientId.equals(DEMO_CLIENT_ID)) {
                return null;
            }
            return oauthError("invalid_client", "unknown client_id " + shorten(clientId) + ": this server knows only '"
                    + DEMO_CLIENT_ID + "' (or leave client_id out)");
        }

        private ResponseDefinition refresh(Request request) {
            Map<String, String> params = params(request);
            ResponseDefinition wrongClient = checkClient(params);
            if (wrongClient != null) {
                return wrongClient;
            }
            String token = params.get("refresh_token");
            if (token == null || token.isBlank()) {
                throw new BadRequest("send refresh_token (a form field or a JSON object)");
            }
            if (token.length() > settings.maxTokenChars()) {
                return oauthError("invalid_grant", "the refresh token is too large");
            }
            Claims claims;
            try {
                var jws = Jwts.parser().verifyWith(refreshKey)
                        .requireIssuer(settings.issuer())
                        .requireAudience(REFRESH_AUDIENCE)
                        .clock(() -> Date.from(clock.instant()))
                        .build().parseSignedClaims(token);
                if (!isType(jws.getHeader().getType(), REFRESH_TOKEN_TYPE)) {
                    return oauthError("invalid_grant", "not a refresh token (typ is not '" + REFRESH_TOKEN_TYPE + "')");
                }
                claims = jws.getPayload();
            } catch (ExpiredJwtException e) {
                return oauthError("invalid_grant", "the refresh token expired; log in again");
            } catch (JwtException | IllegalArgumentException e) {
                return oauthError("invalid_grant", "not a refresh token issued by this server");
            }
            if (!clock.instant().isBefore(claims.getExpiration().toInstant())) {
                return oauthError("invalid_grant", "the refresh token expired; log in again");
            }
            synchronized (TokenServer.this) {
                RefreshState state = refreshTokens.get(claims.getId());
                if (state == null || revokedFamilies.contains(state.family())) {
                    return oauthError("invalid_grant", "the refresh token was revoked; log in again");
                }
                if (state.used()) {
                    // Reuse of a rotated refresh token means it leaked: revoke the whole family (RFC 9700 4.14.2).
                    revokedFamilies.add(state.family());
                    return oauthError("invalid_grant", "the refresh token was already used: this server's policy is"
                            + " single-use refresh tokens (rotation), so every token of this login is now revoked;"
                            + " log in again, and always keep the NEW refresh token from each /refresh answer");
                }
                refreshTokens.put(claims.getId(), new RefreshState(state.subject(), state.family(), true));
                refreshes.incrementAndGet();
                String alg = settings.accessAlgorithm();
                return jsonResponse(200, tokenResponse(state.subject(), state.family(), alg));
            }
        }

        private ResponseDefinition profile(Request request) {
            String authorization = request.containsHeader("Authorization") ? request.getHeader("Authorization") : null;
            if (authorization == null || authorization.isBlank()) {
                // RFC 6750 3.1: no credentials at all → a challenge without an error code.
                return text(401, "401 Unauthorized: send Authorization: Bearer <access token>.")
                        .withHeader("WWW-Authenticate", "Bearer realm=\"" + settings.audience() + "\"").build();
            }
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return text(400, "400 Bad Request: the Authorization scheme must be Bearer.")
                        .withHeader("WWW-Authenticate", challenge("invalid_request", "use the Bearer scheme")).build();
            }
            String token = authorization.substring(7).strip();
            Claims claims;
            try {
                claims = verifyAccessToken(token);
            } catch (Refused e) {
                return text(401, "401 Unauthorized: " + e.getMessage() + ".")
                        .withHeader("WWW-Authenticate", challenge("invalid_token", e.getMessage())).build();
            }
            String subject = claims.getSubject();
            Map<String, Object> profile = new LinkedHashMap<>();
            profile.put("sub", subject);
            profile.put("name", NAMES.getOrDefault(subject, subject));
            profile.put("email", subject + "@workshop.example");
            return jsonResponse(200, profile);
        }

        private ResponseDefinition jwks() {
            jwksFetches.incrementAndGet();
            return aResponse().withStatus(200).withHeader("Content-Type", "application/jwk-set+json")
                    .withHeader("Cache-Control", "max-age=300").withBody(jwksJson()).build();
        }

        private ResponseDefinition home() {
            return text(200, "The simulated token server. POST /token (username=" + DEMO_USER + "&password=" + DEMO_PASSWORD
                    + "), POST /refresh (refresh_token=...), GET /api/profile with Authorization: Bearer ..., GET /.well-known/jwks.json")
                    .build();
        }

        private String challenge(String error, String description) {
            // RFC 6750 3: error_description is printable ASCII without '"' and '\'.
            String safe = description.replaceAll("[^\\x20-\\x7E]", "?").replace('"', '\'').replace('\\', '/');
            return "Bearer realm=\"" + settings.audience() + "\", error=\"" + error + "\", error_description=\"" + safe + "\"";
        }

        private ResponseDefinition oauthError(String error, String description) {
            return jsonResponse(400, Map.of("error", error, "error_description", description));
        }

        private ResponseDefinition jsonResponse(int status, Map<String, ?> body) {
            return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                    .withHeader("Cache-Control", "no-store").withBody(json(body)).build();
        }

        private ResponseDefinitionBuilder text(int status, String body) {
            return aResponse().withStatus(status).withHeader("Content-Type", "text/plain; charset=utf-8")
                    .withHeader("Cache-Control", "no-store").withBody(body + "\n");
        }

        private Map<String, String> params(Request request) {
            String body = request.getBodyAsString();
            if (body == null || body.isBlank()) {
                return Map.of();
            }
            if (body.length() > 16 * 1024) {
                throw new BadRequest("the request body is too large");
            }
            String type = request.containsHeader("Content-Type") ? request.getHeader("Content-Type") : "";
            Map<String, String> params = new LinkedHashMap<>();
            if (type.toLowerCase().contains("json") || body.strip().startsWith("{")) {
                try {
                    Map<?, ?> map = JSON.readValue(body, Map.class);
                    map.forEach((k, v) -> {
                        if (v != null) {
                            params.put(String.valueOf(k), String.valueOf(v));
                        }
                    });
                } catch (JsonProcessingException e) {
                    throw new BadRequest("the body is not a JSON object");
                }
                return params;
            }
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    try {
                        params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                                URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                    } catch (IllegalArgumentException e) {
                        throw new BadRequest("the form body is not valid application/x-www-form-urlencoded");
                    }
                }
            }
            return params;
        }
    }

    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }
}
