package workshop.attacks;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/** The kit's safety catch for attack code: only loopback targets. Every exploit calls it before it sends anything. */
public final class Loopback {

    private static final Set<String> HOSTS = Set.of("127.0.0.1", "localhost", "[::1]");

    private Loopback() {
    }

    /** {@code target} if it is an absolute http URI on a loopback host; otherwise {@link NotLoopback}. */
    public static URI require(URI target) {
        if (target == null || !"http".equalsIgnoreCase(target.getScheme()) || target.getHost() == null
                || !HOSTS.contains(target.getHost().toLowerCase(Locale.ROOT)) || target.getRawUserInfo() != null) {
            throw new NotLoopback(target);
        }
        return target;
    }
}
