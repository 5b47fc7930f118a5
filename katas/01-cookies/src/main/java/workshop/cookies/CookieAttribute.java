package workshop.cookies;

/**
 * One attribute of a {@code Set-Cookie} header as it was sent, e.g. {@code Max-Age=60} or {@code Secure}
 * (value {@code ""}). Names keep the server's spelling; compare them case-insensitively.
 */
public record CookieAttribute(String name, String value) {
}
