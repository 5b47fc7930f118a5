package workshop.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import wiremock.jakarta.servlet.FilterChain;
import wiremock.jakarta.servlet.RequestDispatcher;
import wiremock.jakarta.servlet.ServletException;
import wiremock.jakarta.servlet.ServletRequest;
import wiremock.jakarta.servlet.ServletResponse;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletResponse;
import wiremock.org.eclipse.jetty.server.Request;
import wiremock.org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Fixed plain-text sentences for what fails before a scenario sees the request (WireMock's own request parsing,
 * e.g. broken percent-encoding), instead of Jetty's HTML error page, which quotes the exception message and its
 * stack trace. The exception goes to the simulator's stderr only.
 */
final class FixedTextErrors {

    static final String BAD_ENCODING = "400 Bad Request: the query or form body has broken percent-encoding."
            + " A % must be followed by two hexadecimal digits (a space is %20, a % itself is %25).\n";

    private FixedTextErrors() {
    }

    /** Catches what WireMock's request handling throws: broken percent-encoding is a 400, anything else a 500. */
    static final class Filter implements wiremock.jakarta.servlet.Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            try {
                chain.doFilter(request, response);
            } catch (RuntimeException e) {
                HttpServletRequest http = (HttpServletRequest) request;
                log(http, e);
                if (!response.isCommitted()) {
                    response.reset();
                    if (isBrokenPercentEncoding(e)) {
                        answer((HttpServletResponse) response, 400, BAD_ENCODING);
                    } else {
                        answer((HttpServletResponse) response, 500, generic(500));
                    }
                }
            }
        }
    }

    /** Jetty's error page for errors outside the filter (the server's and the contexts' own). */
    static final class Handler extends ErrorHandler {
        @Override
        public void handle(String target, Request baseRequest, HttpServletRequest request,
                           HttpServletResponse response) throws IOException {
            if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable error) {
                log(request, error);
            }
            baseRequest.setHandled(true);
            if (!response.isCommitted()) {
                answer(response, response.getStatus(), generic(response.getStatus()));
            }
        }
    }

    private static String generic(int status) {
        return status + ": the simulated server could not answer this request."
                + " The details are in the simulator's log (stderr of the process that started it).\n";
    }

    private static void answer(HttpServletResponse response, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/plain; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static void log(HttpServletRequest request, Throwable error) {
        System.err.println("[simulator] " + request.getMethod() + " " + request.getRequestURI() + " failed: " + error);
    }

    /** WireMock decodes queries with URLDecoder and form bodies with its own decoder; both throw these. */
    static boolean isBrokenPercentEncoding(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof IllegalArgumentException
                    && (message.startsWith("URLDecoder") || message.startsWith("Not valid encoding"))) {
                return true;
            }
        }
        return false;
    }
}
