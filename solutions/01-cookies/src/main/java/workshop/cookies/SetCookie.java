package workshop.cookies;

/** A parsed {@code Set-Cookie} header. */
public record SetCookie(String name, String value) {
}
