package workshop.sessions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** One server-side session: its ID, its user (once logged in), its times and its attributes. */
public final class Session {

    private final String id;
    private final String user;
    private final Instant createdAt;
    private volatile Instant lastAccessedAt;
    private final Map<String, Object> attributes;

    Session(String id, String user, Instant createdAt, Instant lastAccessedAt, Map<String, Object> attributes) {
        this.id = id;
        this.user = user;
        this.createdAt = createdAt;
        this.lastAccessedAt = lastAccessedAt;
        this.attributes = new ConcurrentHashMap<>(attributes);
    }

    /** The secret ID. Put it in the session cookie and nowhere else (not in logs, not in URLs). */
    public String id() {
        return id;
    }

    /** The logged-in user, or empty for an anonymous session. */
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastAccessedAt() {
        return lastAccessedAt;
    }

    void touch(Instant now) {
        lastAccessedAt = now;
    }

    public Optional<Object> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    public void setAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    public void removeAttribute(String name) {
        attributes.remove(name);
    }

    /** A copy of the attributes, e.g. to carry them over to a rotated session. */
    public Map<String, Object> attributes() {
        return Map.copyOf(attributes);
    }

    /** S9 · a short one-way fingerprint of the ID: lets log lines be correlated without revealing the ID. */
    public String fingerprint() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.US_ASCII));
            return "#" + java.util.HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** S9 · never the ID: debuggers, log statements and error pages call toString. */
    @Override
    public String toString() {
        return "Session[" + fingerprint() + ", user=" + (user == null ? "(anonymous)" : user)
                + ", created=" + createdAt + ", lastAccessed=" + lastAccessedAt + "]";
    }
}
