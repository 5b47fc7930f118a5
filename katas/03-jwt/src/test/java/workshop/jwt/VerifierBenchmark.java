package workshop.jwt;

import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import java.net.http.HttpClient;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import javax.crypto.SecretKey;
import workshop.simulator.JwtInspector;
import workshop.simulator.MutableClock;
import workshop.simulator.SimulatedServer;
import workshop.simulator.TokenServer;

/**
 * Not a test: a throughput comparison of {@link TokenVerifier} with calling jjwt directly, for HS256, RS256
 * and ES256, and a count of JWKS fetches. Run it against the solution (see solutions/03-jwt/README.md);
 * against the starter it stops at the first unimplemented step.
 */
public final class VerifierBenchmark {

    private static final int ROUNDS = 15;
    private static final Duration ROUND_TIME = Duration.ofMillis(300);

    private VerifierBenchmark() {
    }

    public static void main(String[] args) {
        MutableClock clock = MutableClock.atWorkshopStart();
        System.out.println("Verification throughput: the solution's TokenVerifier vs jjwt directly (medians of "
                + ROUNDS + " paired rounds of " + ROUND_TIME.toMillis() + " ms; overhead = median of the per-round ratios)");
        System.out.printf("%-6s %14s %14s %10s%n", "alg", "jjwt ops/s", "verifier ops/s", "overhead");

        SecretKey key = Jwts.SIG.HS256.key().build();
        String hsToken = Fixtures.claims(clock.instant(), 300).signWith(key).compact();
        JwtParser direct = Jwts.parser().verifyWith(key).requireIssuer(Fixtures.ISSUER).requireAudience(Fixtures.AUDIENCE)
                .clock(() -> Date.from(clock.instant())).build();
        TokenVerifier hmac = TokenVerifier.hmac(key, Fixtures.ISSUER, Fixtures.AUDIENCE, clock, Duration.ofSeconds(30));
        compare("HS256", t -> direct.parseSignedClaims(t), hmac::verify, hsToken);

        try (SimulatedServer auth = TokenServer.start(clock)) {
            TokenServer server = TokenServer.of(auth);
            JwksKeys keys = new JwksKeys(auth.uri("/.well-known/jwks.json"), HttpClient.newHttpClient(), clock, Duration.ofSeconds(30));
            TokenVerifier jwks = TokenVerifier.withJwks(keys, Fixtures.ISSUER, Fixtures.AUDIENCE, clock, Duration.ofSeconds(30));
            long verified = 0;
            for (String alg : TokenServer.ASYMMETRIC) {
                String token = server.issueAccessToken("alice", alg);
                jwks.verify(token); // fetches the JWKS (once for both algorithms)
                PublicKey publicKey = keys.keyFor(server.currentKid(alg));
                JwtParser directAsym = Jwts.parser().verifyWith(publicKey).requireIssuer(Fixtures.ISSUER)
                        .requireAudience(Fixtures.AUDIENCE).clock(() -> Date.from(clock.instant())).build();
                verified += compare(alg, t -> directAsym.parseSignedClaims(t), jwks::verify, token);
            }
            System.out.println();
            System.out.println("JWKS fetches while verifying about " + verified + " RS256/ES256 tokens: " + server.jwksFetches()
                    + " (cached by kid: once per key set, not per token)");
            System.out.println();
            System.out.println("A token from this run, as the inspector shows it:");
            System.out.print(JwtInspector.text(server.issueAccessToken("alice", "ES256")));
        }
    }

    /** Prints one line; returns how many tokens the verifier checked. */
    private static long compare(String alg, Consumer<String> direct, Consumer<String> verifier, String token) {
        for (int i = 0; i < 3; i++) { // warm-up: let the JIT compile both paths
            run(direct, token, ROUND_TIME);
            run(verifier, token, ROUND_TIME);
        }
        List<Double> directRates = new ArrayList<>();
        List<Double> verifierRates = new ArrayList<>();
        List<Double> overheads = new ArrayList<>();
        long total = 0;
        for (int round = 0; round < ROUNDS; round++) {
            // Alternate which side goes first, and compare within a round: a busy machine slows both alike.
            double d;
            double v;
            if (round % 2 == 0) {
                d = run(direct, token, ROUND_TIME);
                v = run(verifier, token, ROUND_TIME);
            } else {
                v = run(verifier, token, ROUND_TIME);
                d = run(direct, token, ROUND_TIME);
            }
            directRates.add(d);
            verifierRates.add(v);
            overheads.add((d / v - 1) * 100);
            total += (long) (v * ROUND_TIME.toMillis() / 1000);
        }
        System.out.printf("%-6s %14.0f %14.0f %9.1f%%%n", alg, median(directRates), median(verifierRates), median(overheads));
        return total;
    }

    private static double run(Consumer<String> verify, String token, Duration time) {
        long end = System.nanoTime() + time.toNanos();
        long start = System.nanoTime();
        long count = 0;
        long now;
        do {
            for (int i = 0; i < 16; i++) {
                verify.accept(token);
            }
            count += 16;
            now = System.nanoTime();
        } while (now < end);
        return count * 1e9 / (now - start);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
