package workshop.simulator.browser;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal Chrome DevTools Protocol client: JSON messages over the JDK's WebSocket, one connection to the browser
 * target, page sessions multiplexed on it by {@code sessionId} ("flatten" mode). Commands wait for their answer with
 * a timeout; events go to listeners, called one at a time on the connection's thread (a listener must not call
 * {@link #call} itself: the answer could never be delivered while it waits).
 */
final class CdpConnection implements AutoCloseable {

    /** A CDP event: its method (e.g. {@code Network.requestWillBeSent}), parameters, and the page session or null. */
    record Event(String method, JsonNode params, String sessionId) {
    }

    /** The browser did not answer a command in time (it may still be working on it). */
    static final class Timeout extends BrowserException {
        Timeout(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final Receiver receiver;
    private final AtomicLong ids = new AtomicLong();

    private CdpConnection(WebSocket socket, Receiver receiver) {
        this.socket = socket;
        this.receiver = receiver;
    }

    /** Connects to the browser's DevTools WebSocket, e.g. {@code ws://127.0.0.1:40123/devtools/browser/<id>}. */
    static CdpConnection open(URI endpoint, Duration timeout) {
        Receiver receiver = new Receiver();
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        try {
            // No Origin header: the browser accepts a DevTools client that is not a web page (see HeadlessBrowser).
            WebSocket socket = http.newWebSocketBuilder().connectTimeout(timeout)
                    .buildAsync(endpoint, receiver).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new CdpConnection(socket, receiver);
        } catch (TimeoutException e) {
            throw new BrowserException("The browser's DevTools endpoint " + endpoint + " did not accept a connection within "
                    + seconds(timeout) + ".", e);
        } catch (ExecutionException e) {
            throw new BrowserException("Could not connect to the browser's DevTools endpoint " + endpoint + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrowserException("Interrupted while connecting to the browser.", e);
        }
    }

    void addListener(java.util.function.Consumer<Event> listener) {
        receiver.listeners.add(listener);
    }

    /** Sends a command to the browser ({@code sessionId} null) or to a page session, and waits for its result. */
    JsonNode call(String sessionId, String method, Map<String, ?> params, Duration timeout) {
        long id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode();
        message.put("id", id);
        message.put("method", method);
        message.set("params", JSON.valueToTree(params));
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        receiver.pending.put(id, answer);
        try {
            if (receiver.closed != null) {
                throw new BrowserException("The browser's DevTools connection is closed (" + receiver.closed + "); "
                        + method + " was not sent.");
            }
            send(message.toString(), method, timeout);
            JsonNode reply = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (reply.has("error")) {
                JsonNode error = reply.get("error");
                throw new BrowserException("The browser refused " + method + ": " + error.path("message").asText()
                        + (error.has("data") ? " (" + error.get("data").asText() + ")" : "") + ".");
            }
            return reply.path("result");
        } catch (TimeoutException e) {
            throw new Timeout("The browser did not answer " + method + " within " + seconds(timeout) + ".", e);
        } catch (ExecutionException e) {
            throw new BrowserException("The browser's DevTools connection failed during " + method + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrowserException("Interrupted while waiting for the browser's answer to " + method + ".", e);
        } finally {
            receiver.pending.remove(id);
        }
    }

    // The JDK's WebSocket allows one outstanding send at a time.
    private synchronized void send(String text, String method, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        socket.sendText(text, true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean isOpen() {
        return receiver.closed == null;
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(1, TimeUnit.SECONDS).exceptionally(e -> null);
        }
        socket.abort();
        receiver.fail("closed by the kit");
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static final class Receiver implements WebSocket.Listener {
        final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
        final List<java.util.function.Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
        private final StringBuilder partial = new StringBuilder();
        volatile String closed;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                dispatch(text);
            }
            webSocket.request(1);
            return null;
        }

        private void dispatch(String text) {
            JsonNode message;
            try {
                message = JSON.readTree(text);
            } catch (JsonProcessingException e) {
                System.err.println("[browser] ignored a DevTools message that is not JSON: " + e.getOriginalMessage());
                return;
            }
            if (message.has("id")) {
                CompletableFuture<JsonNode> answer = pending.get(message.get("id").asLong());
                if (answer != null) {
                    answer.complete(message);
                }
                return;
            }
            Event event = new Event(message.path("method").asText(), message.path("params"),
                    message.hasNonNull("sessionId") ? message.get("sessionId").asText() : null);
            for (var listener : listeners) {
                try {
                    listener.accept(event);
                } catch (RuntimeException e) {
                    System.err.println("[browser] a listener failed on " + event.method() + ": " + e);
                }
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            fail("the browser closed it, status " + statusCode + (reason.isEmpty() ? "" : ": " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            fail(String.valueOf(error.getMessage()));
        }

        void fail(String why) {
            if (closed == null) {
                closed = why;
            }
            BrowserException e = new BrowserException("The browser's DevTools connection closed: " + why + ".");
            pending.values().forEach(f -> f.completeExceptionally(e));
        }
    }
}
