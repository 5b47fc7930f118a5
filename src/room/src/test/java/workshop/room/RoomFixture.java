package workshop.room;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small syllabus and a room server on a free loopback port, for the room's tests. */
final class RoomFixture {

    static final String CODE = "ABCD2345";
    static final String KEY = "instructor-key-for-tests-0123456789abcdefghij";

    private RoomFixture() {
    }

    static Syllabus syllabus() {
        Map<String, List<String>> steps = new LinkedHashMap<>();
        steps.put("01-cookies", List.of("C1", "C2", "C3"));
        steps.put("02-sessions", List.of("S1", "S2"));
        return new Syllabus(steps);
    }

    static RoomServer start(Clock clock, int maxLearners, Duration longPoll) {
        return new RoomServer(new Room(syllabus(), clock, maxLearners), CODE, KEY, false, clock, longPoll).start(0);
    }

    static String post(String name, String... stepStatus) {
        StringBuilder steps = new StringBuilder();
        for (int i = 0; i < stepStatus.length; i++) {
            String[] p = stepStatus[i].split("=");
            String kata = p[0].startsWith("C") ? "01-cookies" : "02-sessions";
            steps.append(i == 0 ? "" : ",").append("{\"kata\":\"").append(kata).append("\",\"step\":\"").append(p[0])
                    .append("\",\"status\":\"").append(p[1]).append("\",\"hints\":0,\"at\":\"2026-05-04T09:30:00Z\"}");
        }
        return "{\"name\":" + json(name) + ",\"steps\":[" + steps + "]}";
    }

    static String json(String s) {
        return RoomClient.json(s, List.of()).replaceFirst("^\\{\"name\":", "").replaceFirst(",\"steps\":\\[\\]}$", "");
    }

    static Instant start() {
        return Instant.parse("2026-05-04T09:00:00Z");
    }
}
