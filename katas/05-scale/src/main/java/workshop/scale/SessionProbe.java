package workshop.scale;

import java.util.List;
import java.util.Optional;
import workshop.simulator.cluster.ShopClient;

/** X1 · follows one logged-in user through the balancer: which instance served each request, and did it know them. */
public final class SessionProbe {

    /** One request of the probe: the instance that served it and the HTTP status it answered. */
    public record Hop(int instance, int status) {

        /** True if the instance knew the session (200), false if the user was logged out there. */
        public boolean loggedIn() {
            return status == 200;
        }
    }

    private SessionProbe() {
    }

    /** X1 · sends {@code GET /me} {@code requests} times with the client's cookies; one hop per request, in order. */
    public static List<Hop> follow(ShopClient client, int requests) {
        throw new UnsupportedOperationException("X1 · follow a user through the balancer — see notebooks/05-scale.ipynb, X1");
    }

    /** X1 · the first hop on which the user was no longer logged in, or empty if every hop knew them. */
    public static Optional<Hop> firstLoss(List<Hop> hops) {
        throw new UnsupportedOperationException("X1 · find where the user was lost — see notebooks/05-scale.ipynb, X1");
    }
}
