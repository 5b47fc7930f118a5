package workshop.cookies;

import java.time.Duration;
import java.util.Objects;

/**
 * The server's side: writes a {@code Set-Cookie} header value.
 * <pre>
 * String header = SetCookieBuilder.cookie("__Host-SID", id).path("/").secure().httpOnly().sameSite(SameSite.LAX).build();
 * </pre>
 * {@link #build()} refuses combinations a browser would drop or that are unsafe; {@link #toHeaderValue()} only writes.
 */
public final class SetCookieBuilder {

    private final String name;
    private final String value;
    private String domain;
    private String path;
    private Duration maxAge;
    private boolean secure;
    private boolean httpOnly;
    private SameSite sameSite;

    private SetCookieBuilder(String name, String value) {
        this.name = Objects.requireNonNull(name, "name");
        this.value = Objects.requireNonNull(value, "value");
    }

    /** A cookie called {@code name} with {@code value}; add attributes with the other methods. */
    public static SetCookieBuilder cookie(String name, String value) {
        return new SetCookieBuilder(name, value);
    }

    /** {@code Domain=}: also send it to every subdomain (a broader cookie; omit it for host-only). */
    public SetCookieBuilder domain(String domain) {
        this.domain = domain;
        return this;
    }

    /** {@code Path=}: send it only to this path and below. */
    public SetCookieBuilder path(String path) {
        this.path = path;
        return this;
    }

    /** {@code Max-Age=} in seconds: a persistent cookie; zero deletes it. */
    public SetCookieBuilder maxAge(Duration maxAge) {
        this.maxAge = maxAge;
        return this;
    }

    /** {@code Secure}: only over https (and loopback). */
    public SetCookieBuilder secure() {
        this.secure = true;
        return this;
    }

    /** {@code HttpOnly}: invisible to scripts ({@code document.cookie}). */
    public SetCookieBuilder httpOnly() {
        this.httpOnly = true;
        return this;
    }

    /** {@code SameSite=}: which cross-site requests carry it. */
    public SetCookieBuilder sameSite(SameSite sameSite) {
        this.sameSite = sameSite;
        return this;
    }

    /**
     * C5 · the header value with no checks, attributes in this order:
     * {@code name=value; Domain=…; Path=…; Max-Age=…; Secure; HttpOnly; SameSite=…} (each only when set).
     */
    public String toHeaderValue() {
        throw new UnsupportedOperationException("C5 · write a Set-Cookie header — see notebooks/01-cookies.ipynb, C5");
    }

    /**
     * C16 · the header value, after refusing with an {@link InsecureCookieException} what a browser would
     * drop or what is unsafe: invalid characters in name or value, {@code SameSite=None} without
     * {@code Secure}, a {@code __Secure-} cookie without {@code Secure}, a {@code __Host-} cookie without
     * {@code Secure} or {@code Path=/} or with a {@code Domain}, a lifetime over 400 days, a {@code Path} with
     * control characters or {@code ;}, a {@code Domain} that is not a host name.
     */
    public String build() {
        throw new UnsupportedOperationException("C16 · refuse insecure cookies — see notebooks/01-cookies.ipynb, C16");
    }
}
