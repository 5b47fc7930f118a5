package workshop.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

@Order(8)
@DisplayName("S8 · IDs come from the cookie only")
class S8ResolverTest {

    // A sample ID as SessionIdGenerator makes them (22 base64url characters = 128 bits).
    private static final String ID = "mJ3xZ0w4k1oV2p9QeTq7Ag";
    private static final URI CART = URI.create("https://shop.example/cart");

    @Test
    @Order(1)
    @DisplayName("S8 · the ID is read from the __Host-SESSION cookie")
    void fromCookie() {
        assertThat(SessionIdResolver.resolve(CART, List.of("theme=dark; __Host-SESSION=" + ID + "; lang=en")))
                .as("Cookie: name=value pairs separated by '; ' (RFC 6265bis 4.2)")
                .contains(ID);
    }

    @Test
    @Order(2)
    @DisplayName("S8 · ;jsessionid= in the path is ignored")
    void ignoresPathParameter() {
        assertThat(SessionIdResolver.resolve(URI.create("https://shop.example/cart;jsessionid=" + ID), List.of()))
                .as("IDs in URLs leak through Referer headers, logs, bookmarks and shared links, and make fixation trivial "
                        + "(OWASP: do not accept IDs from the URL)")
                .isEmpty();
    }

    @Test
    @Order(3)
    @DisplayName("S8 · ?sid= in the query is ignored")
    void ignoresQuery() {
        assertThat(SessionIdResolver.resolve(URI.create("https://shop.example/cart?sid=" + ID), List.of("theme=dark")))
                .as("a query parameter is a URL too: never a source of session IDs")
                .isEmpty();
    }

    @Test
    @Order(4)
    @DisplayName("S8 · a cookie without the __Host- prefix is not the session cookie")
    void needsPrefix() {
        assertThat(SessionIdResolver.resolve(CART, List.of("SESSION=" + ID + "; x__Host-SESSION=" + ID)))
                .as("only __Host-SESSION counts: a sibling subdomain can set SESSION, it cannot set a __Host- cookie")
                .isEmpty();
    }

    @Test
    @Order(5)
    @DisplayName("S8 · two session cookies in one request are refused")
    void refusesDuplicates() {
        String other = "Qx8vN2bT5rW0yK7dLp3sFg";
        assertThat(SessionIdResolver.resolve(CART, List.of("__Host-SESSION=" + ID, "__Host-SESSION=" + other)))
                .as("kit policy: a request with two __Host-SESSION cookies is refused, neither is trusted. A compliant browser "
                        + "cannot hold two (a __Host- cookie is host-only with Path=/), so two means a client that is not a "
                        + "browser, or a cookie with another Domain or Path smuggled in under a name without the prefix "
                        + "(e.g. a nameless cookie whose value is '__Host-SESSION=...', refused by RFC 6265bis 5.7 but not by "
                        + "older browsers). Taking the first would let the smuggled one win")
                .isEmpty();
    }

    @Test
    @Order(6)
    @DisplayName("S8 · a malformed or oversized value is no ID")
    void refusesGarbage() {
        assertThat(SessionIdResolver.resolve(CART, List.of("__Host-SESSION=x'; DROP TABLE sessions--"))).isEmpty();
        assertThat(SessionIdResolver.resolve(CART, List.of("__Host-SESSION=" + "A".repeat(5_000))))
                .as("a value our generator could never make is rejected before any lookup").isEmpty();
        assertThat(SessionIdResolver.resolve(CART, List.of("__Host-SESSION=")))
                .as("an empty value (a deleted cookie) is no ID").isEmpty();
        assertThat(SessionIdResolver.resolve(CART, List.of("__Host-SESSION=\u00e9t\u00e9\u00e9t\u00e9\u00e9t\u00e9\u00e9t\u00e9\u00e9t\u00e9\u00e9t\u00e9\u00e9t\u00e9\u00e9t")))
                .as("non-ASCII is never a base64url ID").isEmpty();
    }
}
