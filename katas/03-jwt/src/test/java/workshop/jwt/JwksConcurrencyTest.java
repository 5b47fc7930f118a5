package workshop.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static workshop.jwt.Fixtures.explained;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.http.HttpClient;
import java.security.PublicKey;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workshop.simulator.MutableClock;

@Order(21)
@DisplayName("J21 · one JWKS fetch at a time, and no lock held while it runs")
class JwksConcurrencyTest {

    static final MutableClock clock = MutableClock.atWorkshopStart();

    @RegisterExtension
    static final WireMockExtension issuer = IssuerJwks.server();

    /** Counts the requests the verifier sends, and lets a test wait until a fetch has started. */
    private final CountingHttpClient http = new CountingHttpClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());

    @BeforeEach
    void reset() {
        clock.set(MutableClock.atWorkshopStart().instant());
        issuer.resetAll();
    }

    private JwksKeys keys() {
        return new JwksKeys(IssuerJwks.uri(issuer), http, clock, Duration.ofSeconds(30));
    }

    @Test
    @Order(1)
    @DisplayName("J21 · callers that miss at the same time share one fetch")
    void oneFetchInFlight() throws Exception {
        IssuerJwks.publish(issuer, IssuerJwks.jwks(IssuerJwks.A), "max-age=300", Duration.ofMillis(1500));
        JwksKeys keys = keys();
        CompletableFuture<PublicKey> first = CompletableFuture.supplyAsync(() -> keys.keyFor("a-1"));
        awaitFetchStarted(1, first);
        CompletableFuture<PublicKey> second = CompletableFuture.supplyAsync(() -> keys.keyFor("a-1"));
        explained("one fetch in flight at a time: a caller that misses while a fetch runs waits for THAT fetch (e.g. a "
                + "CompletableFuture both share, set with AtomicReference.compareAndSet) instead of starting its own", () -> {
                    assertThat(result(first, 20)).as("the first caller's key").isEqualTo(IssuerJwks.A.getPublic());
                    assertThat(result(second, 20)).as("the second caller's key, from the same fetch").isEqualTo(IssuerJwks.A.getPublic());
                    assertThat(IssuerJwks.fetches(issuer)).as("JWKS fetches for two callers that missed together").isEqualTo(1);
                });
    }

    @Test
    @Order(2)
    @DisplayName("J21 · a slow refetch never blocks a verification with a cached key (no lock held across I/O)")
    void noLockAcrossIo() throws Exception {
        IssuerJwks.publish(issuer, IssuerJwks.jwks(IssuerJwks.A), "max-age=300", Duration.ZERO);
        JwksKeys keys = keys();
        TokenVerifier verifier = TokenVerifier.withJwks(keys, Fixtures.ISSUER, Fixtures.AUDIENCE, clock, Duration.ofSeconds(30));
        String first = IssuerJwks.token(clock.instant(), IssuerJwks.A);
        Fixtures.about(first, "a-1 is published: this fills the cache", () -> verifier.verify(first));
        clock.advance(Duration.ofSeconds(31));
        // The issuer rotated; its JWKS is slow today.
        IssuerJwks.publish(issuer, IssuerJwks.jwks(IssuerJwks.A, IssuerJwks.B), "max-age=300", Duration.ofSeconds(4));
        CompletableFuture<PublicKey> refetch = CompletableFuture.supplyAsync(() -> keys.keyFor("b-1"));
        awaitFetchStarted(2, refetch);
        String cached = IssuerJwks.token(clock.instant(), IssuerJwks.A);
        CompletableFuture<String> verification = CompletableFuture.supplyAsync(() -> verifier.verify(cached).subject());
        Fixtures.about(cached, "a-1 is cached and fresh: verifying with it must not wait for the 4-second refetch of b-1. "
                + "Do not hold a lock (synchronized) while fetching; keep the state in an immutable record behind a volatile "
                + "field, and let only the callers that need the new keys wait", () -> {
                    assertThat(result(verification, 3)).as("verify(token with the cached kid a-1), within 3 s").isEqualTo("alice");
                    assertThat(refetch).as("the refetch of b-1, still running while a-1 verified").isNotDone();
                    assertThat(result(refetch, 20)).as("keyFor(\"b-1\") once the slow fetch arrives").isEqualTo(IssuerJwks.B.getPublic());
                });
    }

    /** Waits until the verifier has sent {@code count} requests in total; fails fast if the call ends first. */
    private void awaitFetchStarted(int count, CompletableFuture<?> call) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (http.sent() < count) {
            if (call.isDone()) {
                result(call, 1); // rethrows the starter's "J18 · …" or the real failure
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
}
