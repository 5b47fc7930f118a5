package workshop.jwt;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static workshop.jwt.Fixtures.assertRejected;
import static workshop.jwt.TokenRejected.Reason.BAD_SIGNATURE;
import static workshop.jwt.TokenRejected.Reason.MALFORMED;
import static workshop.jwt.TokenRejected.Reason.UNKNOWN_KEY;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.jsonwebtoken.Jwts;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import workshop.simulator.MutableClock;

@Order(9)
@DisplayName("J9 · the JWKS cache: max-age, withdrawn keys, one fetch at a time, keys only from the JWKS")
class JwksCacheTest {

    static final MutableClock clock = MutableClock.atWorkshopStart();
    static final KeyPair issuerA = Jwts.SIG.RS256.keyPair().build();
    static final KeyPair issuerB = Jwts.SIG.RS256.keyPair().build();
    static final KeyPair attacker = Jwts.SIG.RS256.keyPair().build();

    /** The issuer's JWKS endpoint, stubbed by each test (loopback, a free port). */
    @RegisterExtension
    static final WireMockExtension issuer = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().http2PlainDisabled(true)).build();

    /** The attacker's server: a verifier must never send it a single request. */
    @RegisterExtension
    static final WireMockExtension evil = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().http2PlainDisabled(true)).build();

    /** Counts the requests the verifier sends, and lets a test wait until a fetch has started. */
    private final CountingHttpClient http = new CountingHttpClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());

    @BeforeEach
    void reset() {
        clock.set(MutableClock.atWorkshopStart().instant());
        issuer.resetAll();
        evil.resetAll();
    }

    private URI jwksUri() {
        return URI.create(issuer.baseUrl() + "/jwks.json");
    }

    private JwksKeys keys() {
        return new JwksKeys(jwksUri(), http, clock, Duration.ofSeconds(30));
    }

    /** The JWKS publishes these keys (kid a-1 for issuerA, b-1 for issuerB), with this Cache-Control (null: none). */
    private void publish(String cacheControl, Duration delay, KeyPair... pairs) {
        StringBuilder json = new StringBuilder("{\"keys\":[");
        for (KeyPair pair : pairs) {
            json.append(json.charAt(json.length() - 1) == '[' ? "" : ",").append(Fixtures.rsaJwk(kid(pair), (RSAPublicKey) pair.getPublic()));
        }
        ResponseDefinitionBuilder answer = okJson(json.append("]}").toString());
        if (cacheControl != null) {
            answer = answer.withHeader("Cache-Control", cacheControl);
        }
        if (!delay.isZero()) {
            answer = answer.withFixedDelay((int) delay.toMillis());
        }
        issuer.stubFor(get(urlPathEqualTo("/jwks.json")).willReturn(answer));
    }

    private static String kid(KeyPair pair) {
        return pair == issuerA ? "a-1" : pair == issuerB ? "b-1" : "m-1";
    }

    private int fetches() {
        return issuer.findAll(getRequestedFor(urlPathEqualTo("/jwks.json"))).size();
    }

    /** A good access token for this API, signed by {@code pair} with its kid, valid for an hour. */
    private String token(KeyPair pair) {
        return Fixtures.claims(clock.instant(), 3600).header().keyId(kid(pair)).and().signWith(pair.getPrivate()).compact();
    }

    static Stream<Arguments> cacheControls() {
        return Stream.of(
                Arguments.of("max-age=300", Duration.ofSeconds(300)),
                Arguments.of("public, max-age=600", Duration.ofSeconds(600)),
                Arguments.of("(none)", JwksKeys.DEFAULT_CACHE_TTL),
                Arguments.of("max-age=5", JwksKeys.MIN_CACHE_TTL),
                Arguments.of("no-store", JwksKeys.MIN_CACHE_TTL),
                Arguments.of("max-age=31536000", JwksKeys.MAX_CACHE_TTL));
    }

    @ParameterizedTest(name = "Cache-Control: {0} → keys cached for {1}")
    @Order(1)
    @MethodSource("cacheControls")
    @DisplayName("J9 · keys are cached for the JWKS response's max-age, within the kit's bounds, then fetched again")
    void cacheTtl(String cacheControl, Duration ttl) {
        publish(cacheControl.equals("(none)") ? null : cacheControl, Duration.ZERO, issuerA);
        JwksKeys keys = keys();
        Supplier<String> why = () -> "Cache-Control: " + cacheControl + " → the keys stay fresh for " + ttl + " (max-age, at least "
                + JwksKeys.MIN_CACHE_TTL + " and at most " + JwksKeys.MAX_CACHE_TTL + " by kit policy, "
                + JwksKeys.DEFAULT_CACHE_TTL + " without max-age; RFC 9111 5.2.2.1). JWKS fetched " + fetches() + " time(s), now "
                + clock.instant();
        assertThat(keys.keyFor("a-1")).as("the first lookup fetches the JWKS").isEqualTo(issuerA.getPublic());
        clock.advance(ttl.minusSeconds(1));
        keys.keyFor("a-1");
        assertThat(fetches()).as("%s", why.get()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        keys.keyFor("a-1");
        assertThat(fetches()).as("once the keys are %s old they are stale: fetch again. %s", ttl, why.get()).isEqualTo(2);
    }

    @Test
    @Order(2)
    @DisplayName("J9 · a key withdrawn from the JWKS stops verifying once the cached set expires")
    void withdrawnKey() {
        publish("max-age=300", Duration.ZERO, issuerA, issuerB);
        TokenVerifier verifier = TokenVerifier.withJwks(keys(), Fixtures.ISSUER, Fixtures.AUDIENCE, clock, Duration.ofSeconds(30));
        String signedByA = token(issuerA);
        assertThat(verifier.verify(signedByA).subject()).as("a-1 is published" + Fixtures.show(signedByA)).isEqualTo("alice");
        publish("max-age=300", Duration.ZERO, issuerB); // the issuer withdraws a-1 (say, it leaked)
        clock.advance(Duration.ofSeconds(299));
        assertThat(verifier.verify(signedByA).subject()).as("within max-age the cached set is used as it is").isEqualTo("alice");
        clock.advance(Duration.ofSeconds(2));
        assertRejected(() -> verifier.verify(signedByA), UNKNOWN_KEY, signedByA,
                "max-age=300 has passed: fetch the JWKS again and REPLACE the cached set. A cache that never expires keeps "
                        + "accepting a withdrawn (maybe stolen) key forever");
    }

    @Test
    @Order(3)
    @DisplayName("J9 · callers that miss at the same time share one fetch")
    void oneFetchInFlight() throws Exception {
        publish("max-age=300", Duration.ofMillis(1500), issuerA);
        JwksKeys keys = keys();
        CompletableFuture<PublicKey> first = CompletableFuture.supplyAsync(() -> keys.keyFor("a-1"));
        awaitFetchStarted(1, first);
        CompletableFuture<PublicKey> second = CompletableFuture.supplyAsync(() -> keys.keyFor("a-1"));
        assertThat(result(first, 20)).isEqualTo(issuerA.getPublic());
        assertThat(result(second, 20)).as("the second caller gets the key from the same fetch").isEqualTo(issuerA.getPublic());
        assertThat(fetches()).as("one fetch in flight at a time: a caller that misses while a fetch runs waits for THAT fetch "
                + "(e.g. a CompletableFuture both share) instead of starting its own").isEqualTo(1);
    }

    @Test
    @Order(4)
    @DisplayName("J9 · a slow refetch never blocks a verification with a cached key (no lock held across I/O)")
    void noLockAcrossIo() throws Exception {
        publish("max-age=300", Duration.ZERO, issuerA);
        JwksKeys keys = keys();
        TokenVerifier verifier = TokenVerifier.withJwks(keys, Fixtures.ISSUER, Fixtures.AUDIENCE, clock, Duration.ofSeconds(30));
        verifier.verify(token(issuerA));
        clock.advance(Duration.ofSeconds(31));
        publish("max-age=300", Duration.ofSeconds(4), issuerA, issuerB); // the issuer rotated; its JWKS is slow today
        CompletableFuture<PublicKey> refetch = CompletableFuture.supplyAsync(() -> keys.keyFor("b-1"));
        awaitFetchStarted(2, refetch);
        String cached = token(issuerA);
        CompletableFuture<String> verification = CompletableFuture.supplyAsync(() -> verifier.verify(cached).subject());
        assertThat(result(verification, 3))
                .as("a-1 is cached and fresh: verifying with it must not wait for the 4-second refetch of b-1. Do not hold a "
                        + "lock (synchronized) while fetching; let only the callers that need the new keys wait")
                .isEqualTo("alice");
        assertThat(refetch).as("the refetch is still running: the verification above did not wait for it").isNotDone();
        assertThat(result(refetch, 20)).as("and the new kid is found once the slow fetch arrives").isEqualTo(issuerB.getPublic());
    }

    static Stream<Arguments> headerKeys() {
        String jwk = Fixtures.rsaJwk("m-1", (RSAPublicKey) attacker.getPublic());
        return Stream.of(
                Arguments.of("jwk: the attacker's public key, embedded", "\"kid\":\"a-1\",\"jwk\":" + jwk),
                Arguments.of("jku: a JWKS URL on the attacker's server", "\"kid\":\"m-1\",\"jku\":\"%s/jwks.json\""),
                Arguments.of("x5u: a certificate URL on the attacker's server", "\"kid\":\"m-1\",\"x5u\":\"%s/cert.pem\""),
                Arguments.of("x5c: a certificate chain in the header", "\"kid\":\"a-1\",\"x5c\":[\"MIIBkTCB+wIJAKHBfpE=\"]"));
    }

    @ParameterizedTest(name = "{0}")
    @Order(5)
    @MethodSource("headerKeys")
    @DisplayName("J9 · a key the token brings or points to (jwk, jku, x5u, x5c) is never used, never fetched")
    void keysFromTheHeaderAreIgnored(String name, String fields) {
        publish("max-age=300", Duration.ZERO, issuerA);
        evil.stubFor(get(urlPathEqualTo("/jwks.json")).willReturn(okJson("{\"keys\":["
                + Fixtures.rsaJwk("m-1", (RSAPublicKey) attacker.getPublic()) + "]}")));
        TokenVerifier verifier = TokenVerifier.withJwks(keys(), Fixtures.ISSUER, Fixtures.AUDIENCE, clock, Duration.ofSeconds(30));
        String header = "{\"alg\":\"RS256\",\"typ\":\"at+jwt\"," + String.format(fields, evil.baseUrl()) + "}";
        String token = Fixtures.rs256(attacker.getPrivate(), header, Fixtures.payload(clock.instant(), ""));
        Throwable thrown = Fixtures.thrown(() -> verifier.verify(token));
        assertThat(thrown).as("signed with the attacker's own key, which the token carries or points to. Keys come ONLY from "
                + "the configured JWKS (RFC 8725 3.10; OWASP JWT cheat sheet): this must be refused" + Fixtures.show(token))
                .isInstanceOf(TokenRejected.class);
        assertThat(((TokenRejected) thrown).reason()).as("your verifier said: %s", thrown.getMessage())
                .isIn(BAD_SIGNATURE, UNKNOWN_KEY, MALFORMED);
        assertThat(evil.findAll(anyRequestedFor(anyUrl())))
                .as("the verifier sent requests to the attacker's server (%s): a jku or x5u in a token is an attacker's "
                        + "URL, and fetching it is a server-side request forgery even before any key is used", evil.baseUrl())
                .isEmpty();
    }

    /** Waits until the verifier has sent {@code count} requests in total; fails fast if the call ends first. */
    private void awaitFetchStarted(int count, CompletableFuture<?> call) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (http.sent() < count) {
            if (call.isDone()) {
                result(call, 1); // rethrows the starter's "J9 · …" or the real failure
                throw new AssertionError("the call ended before the JWKS was fetched (" + http.sent() + " request(s) sent)");
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no JWKS fetch started within 20 s");
            }
            http.awaitSend(100);
        }
    }

    /** The result of a call in another thread; what it threw is thrown here, a hang becomes a clear failure. */
    private static <T> T result(CompletableFuture<T> call, int seconds) throws Exception {
        try {
            return call.get(seconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        } catch (TimeoutException e) {
            throw new AssertionError("the call did not finish within " + seconds + " s", e);
        }
    }

    /** An HttpClient that counts the requests sent through it and wakes up waiters on each one. */
    static final class CountingHttpClient extends HttpClient {
        private final HttpClient delegate;
        private int sent;

        CountingHttpClient(HttpClient delegate) {
            this.delegate = delegate;
        }

        synchronized int sent() {
            return sent;
        }

        synchronized void awaitSend(long millis) throws InterruptedException {
            wait(millis);
        }

        private synchronized void count() {
            sent++;
            notifyAll();
        }

        @Override
        public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException, InterruptedException {
            count();
            return delegate.send(request, handler);
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
            count();
            return delegate.sendAsync(request, handler);
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                                HttpResponse.PushPromiseHandler<T> push) {
            count();
            return delegate.sendAsync(request, handler, push);
        }

        @Override
        public Optional<CookieHandler> cookieHandler() {
            return delegate.cookieHandler();
        }

        @Override
        public Optional<Duration> connectTimeout() {
            return delegate.connectTimeout();
        }

        @Override
        public Redirect followRedirects() {
            return delegate.followRedirects();
        }

        @Override
        public Optional<ProxySelector> proxy() {
            return delegate.proxy();
        }

        @Override
        public SSLContext sslContext() {
            return delegate.sslContext();
        }

        @Override
        public SSLParameters sslParameters() {
            return delegate.sslParameters();
        }

        @Override
        public Optional<Authenticator> authenticator() {
            return delegate.authenticator();
        }

        @Override
        public Version version() {
            return delegate.version();
        }

        @Override
        public Optional<Executor> executor() {
            return delegate.executor();
        }
    }
}
