package workshop.cookies;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

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
        StringBuilder out = new StringBuilder(name).append('=').append(value);
        Optional.ofNullable(domain).ifPresent(d -> out.append("; Domain=").append(d));
        Optional.ofNullable(path).ifPresent(p -> out.append("; Path=").append(p));
        Optional.ofNullable(maxAge).ifPresent(m -> out.append("; Max-Age=").append(Math.max(0, m.toSeconds())));
        if (secure) {
            out.append("; Secure");
        }
        if (httpOnly) {
            out.append("; HttpOnly");
        }
        Optional.ofNullable(sameSite).ifPresent(s -> out.append("; SameSite=").append(s.attributeValue()));
        return out.toString();
    }

    /**
     * C16 · the header value, after refusing with an {@link InsecureCookieException} what a browser would
     * drop or what is unsafe: invalid characters in name or value, {@code SameSite=None} without
     * {@code Secure}, a {@code __Secure-} cookie without {@code Secure}, a {@code __Host-} cookie without
     * {@code Secure} or {@code Path=/} or with a {@code Domain}, a lifetime over 400 days, a {@code Path} with
     * control characters or {@code ;}, a {@code Domain} that is not a host name.
     */
    public String build() {
        if (!isToken(name)) {
            throw new InsecureCookieException("The cookie name '" + name + "' is not an RFC 6265 token: use letters, digits and"
                    + " !#$%&'*+-.^_`|~ only (no spaces, '=', ';', ',', quotes or control characters).");
        }
        if (!isCookieValue(value)) {
            throw new InsecureCookieException("The value of '" + name + "' has characters a cookie value may not hold (space,"
                    + " '\"', ',', ';', '\\' or control characters): encode it first, e.g. with base64url.");
        }
        if (path != null && !isPathValue(path)) {
            throw new InsecureCookieException("Path=" + Ascii.escape(path) + " must start with '/' and hold only visible ASCII"
                    + " and spaces, no ';' (RFC 6265 4.1.1 path-value): a CR/LF would split the response into a second header,"
                    + " a ';' would inject attributes.");
        }
        if (domain != null && !isHostname(domain)) {
            throw new InsecureCookieException("Domain=" + Ascii.escape(domain) + " is not a host name (RFC 6265 4.1.1: labels of"
                    + " letters, digits and '-' separated by dots, no leading dot): a ';' would inject attributes, a CR/LF"
                    + " would split the response. Omit Domain for a host-only cookie.");
        }
        if (sameSite == SameSite.NONE && !secure) {
            throw new InsecureCookieException("SameSite=None without Secure: browsers reject it (RFC 6265bis). Add .secure().");
        }
        if (Ascii.startsWithIgnoreCase(name, "__Secure-") && !secure) {
            throw new InsecureCookieException("A __Secure- cookie must have Secure (RFC 6265bis 4.1.3.1). Add .secure().");
        }
        if (Ascii.startsWithIgnoreCase(name, "__Host-") && (!secure || !"/".equals(path) || domain != null)) {
            throw new InsecureCookieException("A __Host- cookie needs Secure, Path=/ and no Domain (RFC 6265bis 4.1.3.2): got "
                    + toHeaderValue());
        }
        if (maxAge != null && maxAge.compareTo(SetCookie.MAX_LIFETIME) > 0) {
            throw new InsecureCookieException("Max-Age of " + maxAge.toDays() + " days: browsers cap cookies at 400 days"
                    + " (RFC 6265bis); ask for 400 days or less.");
        }
        return toHeaderValue();
    }

    // RFC 6265 4.1.1 path-value = <any CHAR except CTLs or ";">, and it must be absolute
    private static boolean isPathValue(String s) {
        return s.startsWith("/") && s.chars().allMatch(c -> c >= 0x20 && c <= 0x7E && c != ';');
    }

    // RFC 6265 4.1.1 domain-value = <subdomain> (RFC 1034 3.5, RFC 1123 2.1): LDH labels of 1-63 characters
    // joined by dots, at most 253 in all. A leading dot is refused: browsers ignore it, the grammar does not allow it.
    private static boolean isHostname(String s) {
        if (s.isEmpty() || s.length() > 253) {
            return false;
        }
        for (String label : s.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")
                    || !label.chars().allMatch(c -> c < 0x7F && (Character.isLetterOrDigit(c) || c == '-'))) {
                return false;
            }
        }
        return true;
    }

    // RFC 6265 4.1.1 cookie-name = token (RFC 9110 tchar)
    private static boolean isToken(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c < 0x7F && (Character.isLetterOrDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0));
    }

    // RFC 6265 4.1.1 cookie-octet = %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E
    private static boolean isCookieValue(String s) {
        return s.chars().allMatch(c -> c == 0x21 || (c >= 0x23 && c <= 0x2B) || (c >= 0x2D && c <= 0x3A)
                || (c >= 0x3C && c <= 0x5B) || (c >= 0x5D && c <= 0x7E));
    }
}
