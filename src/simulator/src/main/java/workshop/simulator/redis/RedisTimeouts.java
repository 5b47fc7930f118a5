package workshop.simulator.redis;

import java.time.Duration;

/**
 * How long the kit waits for Redis: to open a connection, and for each answer. Both are bounded so that a Redis that
 * is slow, stopped or firewalled fails a request (the app answers 503) instead of hanging a test or a notebook cell.
 *
 * @param connect the longest wait for a TCP (and TLS) connection
 * @param socket  the longest wait for the answer to one command
 */
public record RedisTimeouts(Duration connect, Duration socket) {

    /** 2 s to connect, 2 s per answer: generous for loopback, still short enough for a test. */
    public static final RedisTimeouts DEFAULT = new RedisTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));

    public RedisTimeouts {
        check("connect", connect);
        check("socket", socket);
    }

    /** The same connect timeout and another per-answer timeout. */
    public RedisTimeouts withSocket(Duration socket) {
        return new RedisTimeouts(connect, socket);
    }

    int connectMillis() {
        return (int) connect.toMillis();
    }

    int socketMillis() {
        return (int) socket.toMillis();
    }

    private static void check(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero() || d.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("The Redis " + name + " timeout must be between 1 ms and 5 minutes"
                    + " (zero would mean 'wait forever'), got " + d + ".");
        }
    }
}
