package workshop.simulator.cluster;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A live session as the app sees it: whose it is and its text attributes (e.g. the cart). */
public record StoredSession(String user, Map<String, String> attributes) {

    public StoredSession {
        Objects.requireNonNull(user, "user");
        attributes = Map.copyOf(attributes);
    }

    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }
}
