package workshop.simulator.redis;

import workshop.simulator.SimulatorException;

/**
 * The kit could not use the Redis it was given or could not start its own. The message is one sentence naming the
 * server (never its password) and the cause; {@link #reason()} tells the cause to code.
 */
public final class RedisUnavailableException extends SimulatorException {

    /** Why Redis could not be used. */
    public enum Reason {
        /** The URL in REDIS_URL / redis.url is not a Redis URL. */
        BAD_URL,
        /** The host name does not resolve. */
        UNKNOWN_HOST,
        /** Nothing listens on that port (or a firewall rejects the connection). */
        REFUSED,
        /** Connected, but the password (or user) was refused, or one is needed and none was given. */
        AUTH_FAILED,
        /** No connection or no answer within the timeout. */
        TIMEOUT,
        /** The TLS handshake failed (rediss:// to a plain port, an untrusted certificate…). */
        TLS,
        /** The embedded redis-server could not start on this machine. */
        EMBEDDED_START_FAILED,
        /** Anything else; the message quotes it. */
        OTHER
    }

    private final Reason reason;
    private final String server;

    RedisUnavailableException(Reason reason, String server, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.server = server;
    }

    public Reason reason() {
        return reason;
    }

    /** The server as shown to people: a URL without its password. */
    public String server() {
        return server;
    }
}
