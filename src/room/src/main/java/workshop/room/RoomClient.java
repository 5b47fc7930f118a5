package workshop.room;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Sends a learner's step results to the room: one POST, short timeouts, and one line to print whatever happens.
 * It never throws: the room is a convenience, the learner's build must not depend on it.
 */
public final class RoomClient {

    /** How long a connection and an answer may take each. */
    public static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient http;

    public RoomClient() {
        this(HttpClient.newBuilder().connectTimeout(TIMEOUT).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    public RoomClient(HttpClient http) {
        this.http = http;
    }

    /** The outcome of one post: the line to print, and whether the room accepted it. */
    public record Sent(boolean ok, int status, String line) {
    }

    /** Posts the results; the answer's line says what happened ("Room: sent 14 step results to … as ana"). */
    public Sent send(RoomSettings room, List<StepResult> steps) {
        URI target = room.url().resolve("/api/results");
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header(RoomServer.CODE_HEADER, room.code())
                .POST(HttpRequest.BodyPublishers.ofString(json(room.name(), steps), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 == 2) {
                return new Sent(true, response.statusCode(), "Room: sent " + steps.size() + " step result"
                        + (steps.size() == 1 ? "" : "s") + " to " + room.url() + " as " + room.name());
            }
            String why = response.body().lines().findFirst().orElse("HTTP " + response.statusCode());
            return new Sent(false, response.statusCode(), "Room: " + room.url() + " refused the results: "
                    + shorten(why) + "; your work is not affected");
        } catch (HttpTimeoutException e) {
            return unreachable(room, "no answer within " + TIMEOUT.toSeconds() + " s");
        } catch (ConnectException e) {
            return unreachable(room, "nothing answers there (is the room server running, and is the address right?)");
        } catch (IOException e) {
            return unreachable(room, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unreachable(room, "interrupted");
        } catch (RuntimeException e) {
            return unreachable(room, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private static Sent unreachable(RoomSettings room, String why) {
        return new Sent(false, 0, "Room: could not reach " + room.url() + ": " + shorten(why)
                + "; your work is not affected");
    }

    /** The body: the name and, per step, exactly {@link StepResult#FIELDS}. */
    public static String json(String name, List<StepResult> steps) {
        StringBuilder json = new StringBuilder("{\"name\":").append(string(name)).append(",\"steps\":[");
        for (int i = 0; i < steps.size(); i++) {
            StepResult s = steps.get(i);
            json.append(i == 0 ? "" : ",")
                    .append("{\"kata\":").append(string(s.kata()))
                    .append(",\"step\":").append(string(s.step()))
                    .append(",\"status\":").append(string(s.status()))
                    .append(",\"hints\":").append(s.hints())
                    .append(",\"at\":").append(string(s.at().truncatedTo(ChronoUnit.SECONDS).toString()))
                    .append('}');
        }
        return json.append("]}").toString();
    }

    private static String string(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String shorten(String s) {
        String one = s.lines().findFirst().orElse("").strip();
        return one.length() > 160 ? one.substring(0, 160) + "…" : one;
    }
}
