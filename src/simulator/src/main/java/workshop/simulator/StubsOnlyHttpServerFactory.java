package workshop.simulator;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import java.util.EnumSet;
import wiremock.jakarta.servlet.DispatcherType;
import wiremock.org.eclipse.jetty.server.Handler;
import wiremock.org.eclipse.jetty.server.Server;
import wiremock.org.eclipse.jetty.server.handler.ContextHandler;
import wiremock.org.eclipse.jetty.server.handler.HandlerCollection;
import wiremock.org.eclipse.jetty.servlet.FilterHolder;
import wiremock.org.eclipse.jetty.servlet.ServletContextHandler;

/**
 * WireMock's Jetty server without its admin context: nothing under {@code /__admin} is served over HTTP (no request
 * journal, no stub editing, no file writes, no CORS filter that grants any origin with credentials). The kit's own
 * code uses the in-process Java API ({@code stubFor}, {@code getAllServeEvents}), which never goes through HTTP.
 * WireMock 3.13 has no switch for this, so the server is built here and refuses to start if the context is not
 * found (a WireMock upgrade that moves it must not silently bring the admin API back). Jetty's own error pages, which
 * quote exception messages and stack traces, give way to {@link FixedTextErrors}.
 */
final class StubsOnlyHttpServerFactory implements HttpServerFactory {

    static final String ADMIN_CONTEXT = "/__admin";

    @Override
    public String getName() {
        return "workshop-stubs-only-http-server";
    }

    @Override
    public HttpServer buildHttpServer(Options options, AdminRequestHandler admin, StubRequestHandler stubs) {
        return new StubsOnlyServer(options, admin, stubs);
    }

    private static final class StubsOnlyServer extends Jetty11HttpServer {

        StubsOnlyServer(Options options, AdminRequestHandler admin, StubRequestHandler stubs) {
            super(options, admin, stubs);
        }

        @Override
        protected void applyAdditionalServerConfiguration(Server server, Options options) {
            super.applyAdditionalServerConfiguration(server, options);
            server.setErrorHandler(new FixedTextErrors.Handler());
        }

        @Override
        protected void decorateMockServiceContextAfterConfig(ServletContextHandler context) {
            super.decorateMockServiceContextAfterConfig(context);
            context.addFilter(new FilterHolder(new FixedTextErrors.Filter()), "/*", EnumSet.of(DispatcherType.REQUEST));
            context.setErrorHandler(new FixedTextErrors.Handler());
        }

        @Override
        protected Handler createHandler(Options options, AdminRequestHandler admin, StubRequestHandler stubs) {
            Handler handler = super.createHandler(options, admin, stubs);
            if (!(handler instanceof HandlerCollection all)) {
                throw new SimulatorException("Unexpected WireMock server layout (" + handler.getClass().getName()
                        + "): the simulator will not start with WireMock's admin API reachable over HTTP.");
            }
            int removed = 0;
            for (Handler h : all.getHandlers()) {
                if (h instanceof ContextHandler context && ADMIN_CONTEXT.equals(context.getContextPath())) {
                    all.removeHandler(h);
                    removed++;
                }
            }
            if (removed != 1) {
                throw new SimulatorException("WireMock's admin context was not found: the simulator will not start with"
                        + " the admin API possibly reachable over HTTP.");
            }
            return all;
        }
    }
}
