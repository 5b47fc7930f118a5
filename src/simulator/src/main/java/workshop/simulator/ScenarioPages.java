package workshop.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * A scenario's dynamic pages: each stub names an action ({@link #page}), and this transformer answers
 * it with real behaviour (fresh IDs, server-side state, signed tokens, dates from the clock).
 */
abstract class ScenarioPages implements ResponseDefinitionTransformerV2 {

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
        return answer(String.valueOf(event.getTransformerParameters().getOrDefault("action", "")), event.getRequest());
    }
}
