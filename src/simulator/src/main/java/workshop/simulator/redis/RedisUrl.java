package workshop.simulator.redis;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * A Redis address as {@code REDIS_URL} gives it: {@code redis://[[user]:password@]host[:port][/db]}, or
 * {@code rediss://…} for TLS. {@link #toString()} and {@link #display()} never show the password.
 *
 * @param tls      true for {@code rediss://}
 * @param user     the ACL user, or null for the default user
 * @param password the password, or null
 * @param database the logical database, 0 to 15 on a default server
 */
public record RedisUrl(boolean tls, String host, int port, String user, String password, int database) {

    /** The environment variable that names the team's own Redis. */
    public static final String ENV = "REDIS_URL";
    /** The system property that does the same (it wins over the environment). */
    public static final String PROPERTY = "redis.url";

    private static final int DEFAULT_PORT = 6379;

    /** Parses a {@code redis://} or {@code rediss://} URL; the error names what is wrong, never the password. */
    public static RedisUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw bad("(empty)", "it is empty; unset it to use the kit's embedded Redis");
        }
        String text = url.strip();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw bad(redact(text), "it is not a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("redis") && !scheme.equals("rediss")) {
            throw bad(redact(text), "it must start with redis:// (or rediss:// for TLS), not '" + scheme + ":'");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw bad(redact(text), "it names no host, e.g. redis://:password@localhost:6379/0");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
        String user = null;
        String password = null;
        String info = uri.getRawUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            String rawUser = colon < 0 ? info : info.substring(0, colon);
            String rawPassword = colon < 0 ? null : info.substring(colon + 1);
            // redis://secret@host means a password with no user, as redis-cli reads it.
            if (colon < 0) {
                rawPassword = rawUser;
                rawUser = "";
            }
            user = rawUser.isEmpty() ? null : decode(rawUser);
            password = rawPassword == null || rawPassword.isEmpty() ? null : decode(rawPassword);
        }
        int database = 0;
        String path = uri.getPath();
        if (path != null && path.length() > 1) {
            try {
                database = Integer.parseInt(path.substring(1));
            } catch (NumberFormatException e) {
                throw bad(redact(text), "its path must be a database number such as /0, not '" + path + "'");
            }
            if (database < 0) {
                throw bad(redact(text), "the database number cannot be negative");
            }
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw bad(redact(text), "the kit reads no ?options or #fragment in it; remove them");
        }
        return new RedisUrl(scheme.equals("rediss"), host, port, user, password, database);
    }

    /**
     * The URL the kit should use: the system property {@value #PROPERTY} if set, else the environment variable
     * {@value #ENV}, else none (the kit then starts its embedded Redis).
     */
    public static Optional<String> configured(Map<String, String> env, java.util.Properties properties) {
        String fromProperty = properties.getProperty(PROPERTY);
        if (fromProperty != null && !fromProperty.isBlank()) {
            return Optional.of(fromProperty);
        }
        String fromEnv = env.get(ENV);
        return fromEnv == null || fromEnv.isBlank() ? Optional.empty() : Optional.of(fromEnv);
    }

    /** For people and logs: e.g. {@code redis://ada:***@db.example:6379/0}; the password is never shown. */
    public String display() {
        String auth = user == null && password == null ? ""
                : (user == null ? "" : user) + (password == null ? "" : ":***") + "@";
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return (tls ? "rediss://" : "redis://") + auth + shownHost + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return display();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The URL with anything between "//" and "@" replaced, for error messages. */
    static String redact(String text) {
        int start = text.indexOf("//");
        int at = text.lastIndexOf('@');
        return start >= 0 && at > start ? text.substring(0, start + 2) + "***" + text.substring(at) : text;
    }

    private static RedisUnavailableException bad(String shown, String why) {
        return new RedisUnavailableException(RedisUnavailableException.Reason.BAD_URL, shown,
                "The Redis URL " + shown + " (from " + ENV + " or -D" + PROPERTY + ") cannot be used: " + why + ".",
                null);
    }
}
