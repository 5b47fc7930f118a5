package workshop.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.util.stream.Collectors;

/** Helpers shared by the scenarios. */
final class Pages {
    private Pages() {
    }

    /** Lowest priority: any request no page matched gets a 404 that lists the pages that exist. */
    static void addNotFoundPage(WireMockServer server, String scenario) {
        String pages = server.getStubMappings().stream()
                .map(Pages::describe)
                .filter(s -> !s.isEmpty())
                .sorted()
                .distinct()
                .collect(Collectors.joining("\n  ", "  ", ""));
        server.stubFor(any(anyUrl()).atPriority(100)
                .willReturn(aResponse().withStatus(404)
                        .withHeader("Content-Type", "text/plain; charset=utf-8")
                        .withBody("404 Not Found: the simulated " + scenario + " has no such page.\nPages:\n" + pages + "\n")));
    }

    private static String describe(StubMapping m) {
        var r = m.getRequest();
        String url = r.getUrlPath() != null ? r.getUrlPath()
                : r.getUrlPathPattern() != null ? r.getUrlPathPattern()
                : r.getUrl() != null ? r.getUrl() : "";
        return url.isEmpty() ? "" : m.getRequest().getMethod() + " " + url;
    }

    static String html(String title, String body) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title></head><body>"
                + "<h1>" + escape(title) + "</h1>" + body + "</body></html>";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
