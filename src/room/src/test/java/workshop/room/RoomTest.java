package workshop.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import workshop.simulator.MutableClock;

/** The room's model: grid, stuck steps, median times (by the injected clock) and the CSV. */
class RoomTest {

    private final MutableClock clock = new MutableClock(RoomFixture.start());
    private final Room room = new Room(RoomFixture.syllabus(), clock, 10);

    private static StepResult r(String step, String status, int hints) {
        return new StepResult(step.startsWith("C") ? "01-cookies" : "02-sessions", step, status, hints, Instant.EPOCH);
    }

    @Test
    @DisplayName("the grid keeps each learner's latest status and hint levels per step; names sorted for reading")
    void grid() throws Exception {
        room.accept("bo", List.of(r("C1", "failed", 1)));
        room.accept("Ana", List.of(r("C1", "passed", 0), r("C2", "skipped", 0)));
        room.accept("bo", List.of(r("C1", "passed", 2), r("C2", "failed", 0)));
        assertThat(room.names()).containsExactly("Ana", "bo");
        assertThat(room.cell("bo", "C1")).contains(new Room.Cell("passed", 2));
        assertThat(room.cell("Ana", "C2")).contains(new Room.Cell("skipped", 0));
        assertThat(room.cell("Ana", "S1")).isEmpty();
        assertThat(room.version()).isEqualTo(3);
        assertThat(room.accepted()).isEqualTo(3);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> learners = (List<Map<String, Object>>) room.view().get("learners");
        assertThat(learners).extracting(m -> m.get("name")).containsExactly("Ana", "bo");
        assertThat(room.view().get("katas").toString()).contains("01-cookies", "[C1, C2, C3]", "02-sessions");
    }

    @Test
    @DisplayName("a room at its limit refuses a new name and keeps taking the known ones")
    void bounded() throws Exception {
        Room small = new Room(RoomFixture.syllabus(), clock, 1);
        small.accept("ana", List.of(r("C1", "passed", 0)));
        assertThatThrownBy(() -> small.accept("bo", List.of(r("C1", "passed", 0))))
                .isInstanceOf(Room.FullException.class).hasMessageContaining("full (1 learners)");
        small.accept("ana", List.of(r("C2", "passed", 0)));
        assertThat(small.learners()).isEqualTo(1);
    }

    @Test
    @DisplayName("stuck steps: each learner's first red step in teaching order, most learners first")
    void stuck() throws Exception {
        room.accept("ana", List.of(r("C1", "passed", 0), r("C2", "failed", 0), r("C3", "failed", 0)));
        room.accept("bo", List.of(r("C1", "passed", 0), r("C2", "failed", 0)));
        room.accept("cy", List.of(r("C1", "failed", 0), r("C2", "failed", 0)));
        room.accept("di", List.of(r("C1", "passed", 0), r("C2", "passed", 0), r("C3", "not-run", 0),
                r("S1", "skipped", 0)));
        assertThat(room.firstRed("ana")).contains("C2");
        assertThat(room.firstRed("di")).as("not run and skipped are not red").isEmpty();
        assertThat(room.stuck()).containsExactly(
                new Room.Stuck("01-cookies", "C2", List.of("ana", "bo")),
                new Room.Stuck("01-cookies", "C1", List.of("cy")));
    }

    @Test
    @DisplayName("median time per step: from the first result with it red to the first with it green, by the server's clock")
    void medianTimes() throws Exception {
        room.accept("ana", List.of(r("C1", "failed", 0)));
        room.accept("bo", List.of(r("C1", "failed", 0)));
        room.accept("cy", List.of(r("C1", "passed", 0)));
        clock.advance(Duration.ofSeconds(60));
        room.accept("ana", List.of(r("C1", "passed", 0), r("C2", "failed", 0)));
        clock.advance(Duration.ofSeconds(120));
        room.accept("bo", List.of(r("C1", "passed", 0)));
        room.accept("ana", List.of(r("C1", "failed", 0)));
        clock.advance(Duration.ofSeconds(30));
        room.accept("ana", List.of(r("C1", "passed", 0), r("C2", "passed", 0)));
        assertThat(room.timeOn("ana", "C1")).as("the first green counts, not a later one").contains(Duration.ofSeconds(60));
        assertThat(room.timeOn("bo", "C1")).contains(Duration.ofSeconds(180));
        assertThat(room.timeOn("cy", "C1")).as("green from the start: no time known").isEmpty();
        assertThat(room.medianTimes()).containsEntry("C1", Duration.ofSeconds(120)).containsEntry("C2", Duration.ofSeconds(150))
                .doesNotContainKey("C3");
        room.accept("di", List.of(r("C1", "failed", 0)));
        clock.advance(Duration.ofSeconds(1000));
        room.accept("di", List.of(r("C1", "passed", 0)));
        assertThat(room.medianTimes()).as("an odd count takes the middle one").containsEntry("C1", Duration.ofSeconds(180));
    }

    @Test
    @DisplayName("CSV: RFC 4180 (CRLF, quoted fields, doubled quotes), every step of every learner, formulas neutralised")
    void csv() throws Exception {
        room.accept("=HYPERLINK(\"http://x\")", List.of(r("C1", "passed", 1)));
        room.accept("Smith, Jo", List.of(r("C1", "failed", 0)));
        room.accept("+1", List.of(r("S2", "skipped", 3)));
        room.accept("-2", List.of(r("S2", "skipped", 3)));
        room.accept("@SUM(A1)", List.of(r("S2", "skipped", 3)));
        String csv = room.csv();
        List<String> lines = List.of(csv.split("\r\n", -1));
        assertThat(csv).doesNotContain("\n\n").endsWith("\r\n");
        assertThat(lines.get(0)).isEqualTo("name,kata,step,status,hints,seconds_red_to_green");
        assertThat(lines).hasSize(1 + 5 * 5 + 1);
        assertThat(lines).contains("\"'=HYPERLINK(\"\"http://x\"\")\",01-cookies,C1,passed,1,",
                "\"Smith, Jo\",01-cookies,C1,failed,0,", "'+1,02-sessions,S2,skipped,3,", "'-2,01-cookies,C1,not-run,0,",
                "'@SUM(A1),02-sessions,S1,not-run,0,");
        assertThat(lines).noneMatch(l -> l.matches("^[=+\\-@].*"));
        assertThat(Room.csvField("a\nb")).isEqualTo("\"a\nb\"");
        assertThat(Room.csvField("\tx")).isEqualTo("'\tx");
        assertThat(Room.csvField("plain")).isEqualTo("plain");
    }

    @Test
    @DisplayName("the syllabus is read from the kit's katas: their step IDs in teaching order")
    void syllabusFromKit() {
        Syllabus kit = Syllabus.of(java.nio.file.Path.of("../.."));
        assertThat(kit.steps()).containsKeys("01-cookies", "02-sessions", "03-jwt");
        assertThat(kit.steps().get("01-cookies")).startsWith("C1", "C2").contains("C10");
        assertThat(kit.steps().get("01-cookies").indexOf("C2")).isLessThan(kit.steps().get("01-cookies").indexOf("C10"));
        assertThat(kit.kataOf("J3")).contains("03-jwt");
    }
}
