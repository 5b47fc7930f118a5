package workshop.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import workshop.katasupport.ExpectThrow;

@Order(7)
@DisplayName("S7 · the session cookie")
class S7CookieTest {

    // A sample ID as SessionIdGenerator makes them (22 base64url characters = 128 bits).
    private static final String ID = "mJ3xZ0w4k1oV2p9QeTq7Ag";

    private static final DateTimeFormatter COOKIE_DATE = new DateTimeFormatterBuilder()
            .parseCaseInsensitive().append(DateTimeFormatter.RFC_1123_DATE_TIME).toFormatter(Locale.ROOT);

    /** One attribute: its name in lower case (names are case-insensitive, RFC 6265bis 5.6) and its text as sent. */
    private record Attribute(String name, String text) {
        static Attribute parse(String text) {
            int eq = text.indexOf('=');
            return new Attribute((eq < 0 ? text : text.substring(0, eq)).strip().toLowerCase(Locale.ROOT), text.strip());
        }

        String value() {
            int eq = text.indexOf('=');
            return eq < 0 ? "" : text.substring(eq + 1).strip();
        }
    }

    /** A Set-Cookie value split at ';': the first part is name=value, the attributes follow in any order. */
    private record SetCookie(String nameValue, List<Attribute> attributes) {
        static SetCookie parse(String header) {
            String[] parts = header.split(";");
            List<Attribute> attributes = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                attributes.add(Attribute.parse(parts[i]));
            }
            return new SetCookie(parts[0].strip(), List.copyOf(attributes));
        }

        List<Attribute> all(String name) {
            return attributes.stream().filter(a -> a.name().equals(name)).toList();
        }

        Optional<Attribute> one(String name) {
            List<Attribute> found = all(name);
            return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
        }

        SetCookie without(String name) {
            return new SetCookie(nameValue, attributes.stream().filter(a -> !a.name().equals(name)).toList());
        }

        SetCookie with(String attribute) {
            Attribute added = Attribute.parse(attribute);
            List<Attribute> changed = new ArrayList<>(without(added.name()).attributes());
            changed.add(added);
            return new SetCookie(nameValue, List.copyOf(changed));
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(nameValue);
            attributes.forEach(a -> text.append("; ").append(a.text()));
            return text.toString();
        }
    }

    /** The two cookies S7 asks for. */
    enum Kind {
        SESSION("the session cookie"), LOGOUT("the logout cookie");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        SetCookie yours() {
            return SetCookie.parse(this == SESSION ? SessionCookies.sessionCookie(ID) : SessionCookies.logoutCookie());
        }

        List<String> problems(SetCookie cookie) {
            List<String> problems = new ArrayList<>(shared(cookie));
            problems.addAll(this == SESSION ? sessionOnly(cookie) : logoutOnly(cookie));
            return problems;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** What both cookies need: the __Host- rules, HttpOnly, and SameSite Lax or Strict. */
    private static List<String> shared(SetCookie cookie) {
        List<String> problems = new ArrayList<>();
        if (!cookie.nameValue().startsWith("__Host-SESSION=")) {
            problems.add("the name is __Host-SESSION (case and all)");
        }
        if (!cookie.one("path").map(Attribute::value).equals(Optional.of("/"))) {
            problems.add("Path=/ exactly once: a __Host- cookie is refused without it (RFC 6265bis 4.1.3.2)");
        }
        if (cookie.one("secure").isEmpty()) {
            problems.add("Secure: a __Host- cookie is refused without it, even to delete one (RFC 6265bis 4.1.3.2)");
        }
        if (!cookie.all("domain").isEmpty()) {
            problems.add("no Domain: a __Host- cookie belongs to this host only (RFC 6265bis 4.1.3.2)");
        }
        if (cookie.one("httponly").isEmpty()) {
            problems.add("HttpOnly: no script reads the ID, so an XSS cannot copy it (RFC 6265bis 4.1.2.6)");
        }
        Optional<String> sameSite = cookie.one("samesite").map(a -> a.value().toLowerCase(Locale.ROOT));
        if (sameSite.isEmpty()) {
            problems.add("SameSite=Lax or SameSite=Strict, once (kit policy: say it; without it each browser picks its own "
                    + "default, and they differ)");
        } else if (!sameSite.get().equals("lax") && !sameSite.get().equals("strict")) {
            problems.add("SameSite=Lax or Strict, not '" + sameSite.get() + "': None sends the cookie with cross-site "
                    + "requests too, so a form on any site can act as the user (CSRF); RFC 6265bis 4.1.2.7");
        }
        return problems;
    }

    private static List<String> sessionOnly(SetCookie cookie) {
        List<String> problems = new ArrayList<>();
        if (!cookie.nameValue().equals("__Host-SESSION=" + ID)) {
            problems.add("the value is the session ID itself, nothing added: __Host-SESSION=" + ID);
        }
        for (String lifetime : List.of("expires", "max-age")) {
            if (!cookie.all(lifetime).isEmpty()) {
                problems.add("no " + lifetime + ": a session cookie has no lifetime of its own, the browser forgets it when "
                        + "it closes and the server's timeouts decide the rest");
            }
        }
        return problems;
    }

    private static List<String> logoutOnly(SetCookie cookie) {
        List<String> problems = new ArrayList<>();
        if (!cookie.nameValue().equals("__Host-SESSION=")) {
            problems.add("an empty value: the old ID must not travel again");
        }
        if (!cookie.one("max-age").map(Attribute::value).equals(Optional.of("0"))) {
            problems.add("Max-Age=0 (kit policy: an Expires in the past alone deletes too, RFC 6265 5.3, but the kit asks "
                    + "for Max-Age=0, the attribute that wins when both are present, RFC 6265bis 5.7)");
        }
        List<Attribute> expires = cookie.all("expires");
        if (expires.size() > 1) {
            problems.add("Expires at most once");
        } else if (expires.size() == 1 && !inThePast(expires.get(0).value())) {
            problems.add("an Expires, if you add one, is a date in the past such as 'Thu, 01 Jan 1970 00:00:00 GMT'; got '"
                    + expires.get(0).value() + "'");
        }
        for (Attribute a : cookie.attributes()) {
            if (!List.of("path", "secure", "httponly", "samesite", "max-age", "expires", "domain").contains(a.name())) {
                problems.add("nothing else ('" + a.text() + "'): the deletion repeats the session cookie's attributes");
            }
        }
        return problems;
    }

    private static boolean inThePast(String date) {
        try {
            return ZonedDateTime.parse(date, COOKIE_DATE).toInstant().isBefore(Instant.now());
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    @ParameterizedTest(name = "{0}")
    @Order(1)
    @DisplayName("S7 · both cookies are __Host-SESSION with Path=/, Secure, HttpOnly, SameSite=Lax or Strict, no Domain")
    @EnumSource(Kind.class)
    void sharedAttributes(Kind kind) {
        SetCookie cookie = kind.yours();
        assertThat(shared(cookie))
                .as("%s needs: __Host- needs Secure and Path=/ and forbids Domain, HttpOnly keeps it from scripts, SameSite "
                        + "keeps it off cross-site POSTs. The order of the attributes and their case do not matter. "
                        + "What is missing or wrong in %s:", kind, cookie)
                .isEmpty();
    }

    @Test
    @Order(2)
    @DisplayName("S7 · the session cookie carries the ID and has no Expires or Max-Age")
    void sessionCookie() {
        SetCookie cookie = Kind.SESSION.yours();
        assertThat(sessionOnly(cookie)).as("what is missing or wrong in %s:", cookie).isEmpty();
    }

    @Test
    @Order(3)
    @DisplayName("S7 · the logout cookie has an empty value and Max-Age=0 (an Expires in the past may come along)")
    void logoutCookie() {
        SetCookie cookie = Kind.LOGOUT.yours();
        assertThat(logoutOnly(cookie))
                .as("a browser replaces a cookie only if name, domain and path match, and a __Host- cookie needs Secure and "
                        + "Path=/ even to be deleted; Max-Age=0 then deletes it. What is missing or wrong in %s:", cookie)
                .isEmpty();
    }

    @Test
    @Order(4)
    @DisplayName("S7 · the logout response forbids caching")
    void logoutHeaders() {
        assertThat(SessionCookies.logoutHeaders())
                .as("OWASP: send Cache-Control: no-store so no shared cache keeps a page (or a Set-Cookie) of the ended session")
                .containsEntry("Cache-Control", "no-store")
                .containsEntry("Set-Cookie", SessionCookies.logoutCookie());
    }

    @Test
    @Order(5)
    @DisplayName("S7 · only a real ID goes into the cookie (no header injection)")
    void refusesNonIds() {
        ExpectThrow.expect(IllegalArgumentException.class, "SessionCookies.sessionCookie(\"abc; Domain=evil.example\")",
                () -> SessionCookies.sessionCookie("abc; Domain=evil.example"),
                "a value with ';' would add attributes of the caller's choice (here a Domain that sends the ID to every"
                        + " subdomain): refuse anything that is not an ID our generator could make");
        ExpectThrow.expect(IllegalArgumentException.class, "SessionCookies.sessionCookie(\"abc\\r\\nSet-Cookie: admin=1\")",
                () -> SessionCookies.sessionCookie("abc\r\nSet-Cookie: admin=1"),
                "a CR LF would end the Set-Cookie line and start a header of the caller's choice (HTTP response splitting)");
    }

    /** Your cookie, changed one way: would the spec still accept it? */
    record Variant(String name, Kind kind, UnaryOperator<SetCookie> change, boolean accepted) {
        @Override
        public String toString() {
            return (accepted ? "accepted: " : "refused: ") + name;
        }
    }

    static Stream<Variant> variants() {
        return Stream.of(
                new Variant("the session cookie with SameSite=Strict", Kind.SESSION, c -> c.with("SameSite=Strict"), true),
                new Variant("the logout cookie with SameSite=Strict", Kind.LOGOUT, c -> c.with("SameSite=Strict"), true),
                new Variant("the logout cookie with Expires=Thu, 01 Jan 1970 00:00:00 GMT as well (kata 01's idiom)",
                        Kind.LOGOUT, c -> c.with("Expires=Thu, 01 Jan 1970 00:00:00 GMT"), true),
                new Variant("the session cookie with attribute names in upper case", Kind.SESSION,
                        c -> new SetCookie(c.nameValue(), c.attributes().stream()
                                .map(a -> Attribute.parse(a.name().toUpperCase(Locale.ROOT)
                                        + (a.text().contains("=") ? "=" + a.value() : "")))
                                .toList()), true),
                new Variant("the session cookie with SameSite=None", Kind.SESSION, c -> c.with("SameSite=None"), false),
                new Variant("the session cookie without SameSite", Kind.SESSION, c -> c.without("samesite"), false),
                new Variant("the session cookie without HttpOnly", Kind.SESSION, c -> c.without("httponly"), false),
                new Variant("the session cookie with Domain=shop.example", Kind.SESSION, c -> c.with("Domain=shop.example"), false),
                new Variant("the logout cookie without Secure", Kind.LOGOUT, c -> c.without("secure"), false),
                new Variant("the logout cookie with an Expires in the future", Kind.LOGOUT,
                        c -> c.with("Expires=Fri, 01 Jan 2100 00:00:00 GMT"), false),
                new Variant("the logout cookie without Max-Age=0", Kind.LOGOUT, c -> c.without("max-age"), false));
    }

    @ParameterizedTest(name = "{0}")
    @Order(6)
    @DisplayName("S7 · other choices the spec accepts or refuses, tried on your cookies")
    @MethodSource("variants")
    void variantsOfYourCookies(Variant variant) {
        SetCookie yours = variant.kind().yours();
        assertThat(variant.kind().problems(yours))
                .as("first, your own %s must pass the tests above: %s", variant.kind(), yours)
                .isEmpty();
        SetCookie changed = variant.change().apply(yours);
        List<String> problems = variant.kind().problems(changed);
        if (variant.accepted()) {
            assertThat(problems).as("'%s' would be fine too; the spec finds nothing wrong with it", changed).isEmpty();
        } else {
            assertThat(problems).as("'%s' would be refused: the spec must find what is wrong with it", changed).isNotEmpty();
        }
    }
}
