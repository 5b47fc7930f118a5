package workshop.attacks;

import java.net.URI;
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
        throw new UnsupportedOperationException("A11 · predictable session IDs — see notebooks/04-attacks.ipynb, A11");
    }
}
