package workshop.simulator.cluster;

/** How the balancer picks an instance for a request. */
public enum Routing {
    /** Each request goes to the next live instance in turn; dead instances are skipped. */
    ROUND_ROBIN,
    /**
     * The first request goes round-robin and the balancer sets an affinity cookie ({@value LoadBalancer#AFFINITY});
     * later requests with it go to the same instance. If that instance is dead the request goes to the next live one
     * and the cookie is replaced (HAProxy's {@code redispatch}): the user is served, but an in-memory session is gone.
     */
    STICKY,
    /** As {@link #STICKY}, but a request whose instance is dead gets 503 (no silent move to another instance). */
    STICKY_STRICT
}
