package workshop.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scenario's dynamic pages: each stub names an action ({@link #page}), and this transformer answers
 * it with real behaviour (fresh IDs, server-side state, signed tokens, dates from the clock).
 */
abstract class ScenarioPages implements ResponseDefinitionTransformerV2 {

    /** The start of a starter's "not implemented" message, e.g. "S2 · …": a kit step ID. */
    private static final Pattern STEP = Pattern.compile("^([A-Z]{1,2}[0-9]{1,2}) · ");

    private final String name;

    ScenarioPages(String name) {
        this.name = name;
    }

    /** A stub response that the transformer called {@code transformer} fills in for {@code action}. */
    static ResponseDefinitionBuilder page(String transformer, String action) {
        return aResponse().withTransformers(transformer).withTransformerParameter("action", action);
    }

    /** Answers one request for the page named by {@code action}. */
    abstract ResponseDefinition answer(String action, Request request);

    @Override
    public final String getName() {
        return name;
    }

    @Override
    public final boolean applyGlobally() {
        return false;
    }

    @Override
    public final ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        try {
            return answer(String.valueOf(event.getTransformerParameters().getOrDefault("action", "")), request);
        } catch (RuntimeException e) {
            return failure(request, "the simulated server failed while answering this request", e);
        }
    }

    /**
     * A 500 for an unexpected failure: a fixed sentence for the client, the exception text on the server's own log
     * (stderr) only — exception messages can carry secrets, input and internals, so they never go into a response.
     * The only detail passed on is a kit step ID when a starter method is not implemented yet ("step S2").
     */
    static ResponseDefinition failure(Request request, String what, RuntimeException e) {
        System.err.println("[simulator] " + request.getMethod() + " " + pathOf(request) + " failed: " + e);
        // The frames that matter to a learner: their own code and the simulator's, not WireMock's or Jetty's.
        java.util.Arrays.stream(e.getStackTrace())
                .filter(f -> !f.getClassName().startsWith("com.github.tomakehurst") && !f.getClassName().startsWith("wiremock."))
                .limit(8)
                .forEach(f -> System.err.println("[simulator]     at " + f));
        String step = "";
        for (Throwable t = e; t != null; t = t.getCause()) {
            Matcher m = t instanceof UnsupportedOperationException && t.getMessage() != null ? STEP.matcher(t.getMessage()) : null;
            if (m != null && m.find()) {
                step = " Step " + m.group(1) + " is not implemented yet (UnsupportedOperationException).";
                break;
            }
        }
        return aResponse().withStatus(500).withHeader("Content-Type", "text/plain; charset=utf-8")
                .withHeader("Cache-Control", "no-store")
                .withBody("500 Internal Server Error: " + what + "." + step
                        + " The details are in the simulator's log (stderr of the process that started it).\n")
                .build();
    }

    private static String pathOf(Request request) {
        String url = request.getUrl();
        int q = url.indexOf('?');
        String path = q < 0 ? url : url.substring(0, q);
        return path.length() > 80 ? path.substring(0, 80) + "…" : path;
    }
}
