package workshop.simulator.browser;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import workshop.simulator.browser.SeenRequest.BlockedCookie;

/**
 * Puts together what the browser reports about each request of one page session. Chromium sends the page's view
 * ({@code requestWillBeSent}) and the wire's view ({@code requestWillBeSentExtraInfo}: the real headers, cookies
 * included, and the cookies it withheld) as separate events, in either order; a redirect reuses the request ID, so
 * the n-th wire view of an ID belongs to its n-th hop.
 */
final class RequestLog {

    private static final class Hop {
        URI url;
        String method;
        String type;
        Map<String, String> pageHeaders = Map.of();
        Map<String, String> wireHeaders;
        List<BlockedCookie> notSent = List.of();
        List<BlockedCookie> notStored = List.of();
        int status;
        String failure;
        boolean responseViewSeen;

        // A data: or blob: URL never reaches the network, so no wire view will come.
        boolean settled() {
            return wireHeaders != null || failure != null
                    || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()));
        }

        SeenRequest toSeen() {
            return new SeenRequest(url, method, type, wireHeaders != null ? wireHeaders : pageHeaders, wireHeaders != null,
                    notSent, notStored, status, Optional.ofNullable(failure));
        }
    }

    private final List<Hop> hops = new ArrayList<>();
    private final Map<String, List<Hop>> byId = new HashMap<>();
    private final Map<String, Queue<JsonNode>> earlyWireViews = new HashMap<>();

    synchronized void onEvent(String method, JsonNode p) {
        switch (method) {
            case "Network.requestWillBeSent" -> requestWillBeSent(p);
            case "Network.requestWillBeSentExtraInfo" -> {
                Hop hop = firstWithout(p.path("requestId").asText(), h -> h.wireHeaders == null);
                if (hop == null) {
                    earlyWireViews.computeIfAbsent(p.path("requestId").asText(), k -> new ArrayDeque<>()).add(p);
                } else {
                    applyWireView(hop, p);
                }
            }
            case "Network.responseReceivedExtraInfo" -> {
                Hop hop = firstWithout(p.path("requestId").asText(), h -> !h.responseViewSeen);
                if (hop != null) {
                    applyResponseView(hop, p);
                }
            }
            case "Network.responseReceived" -> {
                Hop hop = last(p.path("requestId").asText());
                if (hop != null) {
                    hop.status = p.path("response").path("status").asInt();
                }
            }
            case "Network.loadingFailed" -> {
                Hop hop = last(p.path("requestId").asText());
                if (hop != null) {
                    String blocked = p.path("blockedReason").asText("");
                    hop.failure = p.path("errorText").asText("failed") + (blocked.isEmpty() ? "" : " (" + blocked + ")");
                }
            }
            default -> {
                // other Network events carry nothing the lab shows
            }
        }
        notifyAll();
    }

    private void requestWillBeSent(JsonNode p) {
        String id = p.path("requestId").asText();
        List<Hop> chain = byId.computeIfAbsent(id, k -> new ArrayList<>());
        if (p.has("redirectResponse") && !chain.isEmpty()) {
            chain.get(chain.size() - 1).status = p.get("redirectResponse").path("status").asInt();
        }
        JsonNode request = p.path("request");
        Hop hop = new Hop();
        hop.url = uri(request.path("url").asText());
        hop.method = request.path("method").asText();
        hop.type = p.path("type").asText("Other");
        hop.pageHeaders = headers(request.path("headers"));
        chain.add(hop);
        hops.add(hop);
        Queue<JsonNode> early = earlyWireViews.get(id);
        if (early != null && !early.isEmpty()) {
            applyWireView(hop, early.remove());
        }
    }

    private static void applyWireView(Hop hop, JsonNode p) {
        hop.wireHeaders = headers(p.path("headers"));
        List<BlockedCookie> withheld = new ArrayList<>();
        for (JsonNode c : p.path("associatedCookies")) {
            List<String> reasons = texts(c.path("blockedReasons"));
            if (!reasons.isEmpty()) {
                withheld.add(new BlockedCookie(c.path("cookie").path("name").asText(), reasons));
            }
        }
        hop.notSent = withheld;
    }

    private static void applyResponseView(Hop hop, JsonNode p) {
        hop.responseViewSeen = true;
        List<BlockedCookie> refused = new ArrayList<>();
        for (JsonNode c : p.path("blockedCookies")) {
            refused.add(new BlockedCookie(c.path("cookieLine").asText(), texts(c.path("blockedReasons"))));
        }
        hop.notStored = refused;
        if (hop.status == 0) {
            hop.status = p.path("statusCode").asInt();
        }
    }

    private Hop firstWithout(String id, java.util.function.Predicate<Hop> lacking) {
        List<Hop> chain = byId.get(id);
        return chain == null ? null : chain.stream().filter(lacking).findFirst().orElse(null);
    }

    private Hop last(String id) {
        List<Hop> chain = byId.get(id);
        return chain == null || chain.isEmpty() ? null : chain.get(chain.size() - 1);
    }

    private static URI uri(String url) {
        try {
            return URI.create(url);
        } catch (IllegalArgumentException e) {
            // Browsers accept addresses java.net.URI does not (a space in a data: URL): keep them, escaped.
            return URI.create("unparsed:" + java.net.URLEncoder.encode(url, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static Map<String, String> headers(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /**
     * Every request so far, oldest first. Waits up to {@code settle} for the wire view of requests that were sent
     * but not yet described (it travels separately from the page's answer to a script).
     */
    synchronized List<SeenRequest> snapshot(Duration settle) throws InterruptedException {
        long deadline = System.nanoTime() + settle.toNanos();
        while (!hops.stream().allMatch(Hop::settled)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return hops.stream().map(Hop::toSeen).toList();
    }

    synchronized void clear() {
        hops.clear();
        byId.clear();
        earlyWireViews.clear();
    }
}
