package workshop.cookies;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads one {@code Set-Cookie} header value the way a browser does (RFC 6265 section 5.2, 6265bis 5.6). */
public final class SetCookieParser {

    /** 6265bis: name + value may use at most 4096 bytes together. */
    public static final int MAX_NAME_AND_VALUE_BYTES = 4096;
    /** 6265bis: one attribute value may use at most 1024 bytes. */
    public static final int MAX_ATTRIBUTE_VALUE_BYTES = 1024;

    private SetCookieParser() {
    }

    /**
     * C1 · the cookie's name, value and attributes, or empty if the browser must ignore the whole header.
     * The name=value pair ends at the first {@code ;}; names and values are trimmed of spaces and tabs.
     * As in 6265bis and current browsers, a pair without {@code =} is a nameless cookie (empty name, the
     * whole pair as its value), and so is {@code =value}; a pair whose name and value are both empty is
     * ignored. C2 · an empty {@code Domain=} is not kept (RFC 6265 5.2.3), so an earlier Domain applies.
     * C14 · a name + value over 4096 bytes ignores the header, an attribute value over 1024 bytes
     * ignores that attribute.
     */
    public static Optional<SetCookie> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        int semicolon = header.indexOf(';');
        String pair = semicolon < 0 ? header : header.substring(0, semicolon);
        if (hasControlCharacter(header)) {
            return Optional.empty(); // 6265bis 5.6 step 1: control characters ignore the cookie
        }
        int eq = pair.indexOf('=');
        // 6265bis 5.6: no '=' → the name is empty and the whole pair is the value (RFC 6265 ignored the header)
        String name = eq < 0 ? "" : Ascii.trimWsp(pair.substring(0, eq));
        String value = Ascii.trimWsp(eq < 0 ? pair : pair.substring(eq + 1));
        if (name.isEmpty() && value.isEmpty()) {
            return Optional.empty(); // 6265bis 5.7: a cookie with neither name nor value is ignored
        }
        if (bytes(name) + bytes(value) > MAX_NAME_AND_VALUE_BYTES) {
            return Optional.empty();
        }
        List<CookieAttribute> attributes = new ArrayList<>();
        if (semicolon >= 0) {
            for (String av : header.substring(semicolon + 1).split(";", -1)) {
                int aeq = av.indexOf('=');
                String attrName = Ascii.trimWsp(aeq < 0 ? av : av.substring(0, aeq));
                String attrValue = aeq < 0 ? "" : Ascii.trimWsp(av.substring(aeq + 1));
                boolean emptyDomain = attrValue.isEmpty() && Ascii.equalsIgnoreCase(attrName, "Domain");
                // RFC 6265 5.2.3 / 6265bis 5.6.3: an empty Domain is ignored, it does not override an earlier one
                if (!attrName.isEmpty() && !emptyDomain && bytes(attrValue) <= MAX_ATTRIBUTE_VALUE_BYTES) {
                    attributes.add(new CookieAttribute(attrName, attrValue));
                }
            }
        }
        return Optional.of(new SetCookie(name, value, attributes));
    }

    private static boolean hasControlCharacter(String s) {
        return s.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7F);
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
