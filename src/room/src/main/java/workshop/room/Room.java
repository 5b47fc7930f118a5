package workshop.room;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the room knows, in memory only: per learner, the last status and hint count of each step, and when (by the
 * server's clock) a step was first seen red and first seen green. The dashboard's grid, the steps where most
 * learners are stuck, the median time per step and the CSV are all read from here.
 */
public final class Room {

    /** One cell of the grid. */
    public record Cell(String status, int hints) {
    }

    /** A step where learners are stuck: it is the first red step of {@code names}. */
    public record Stuck(String kata, String step, List<String> names) {
    }

    private static final class Learner {
        final String name;
        final Map<String, Cell> cells = new HashMap<>();
        final Map<String, Instant> firstRed = new HashMap<>();
        final Map<String, Instant> firstGreen = new HashMap<>();

        Learner(String name) {
            this.name = name;
        }
    }

    /** The room has as many learners as it takes; a new name is refused. */
    public static final class FullException extends Exception {
        FullException(int max) {
            super("The room is full (" + max + " learners): ask the instructor.", null, false, false);
        }
    }

    private final Syllabus syllabus;
    private final Clock clock;
    private final int maxLearners;
    private final Map<String, Learner> learners = new HashMap<>();
    private long version;
    private long accepted;

    public Room(Syllabus syllabus, Clock clock, int maxLearners) {
        this.syllabus = syllabus;
        this.clock = clock;
        this.maxLearners = maxLearners;
    }

    public Syllabus syllabus() {
        return syllabus;
    }

    /**
     * Records one learner's results (already validated) and returns the room's new version.
     *
     * @throws FullException if {@code name} is new and the room already has its maximum of learners
     */
    public synchronized long accept(String name, List<StepResult> steps) throws FullException {
        Learner learner = learners.get(name);
        if (learner == null) {
            if (learners.size() >= maxLearners) {
                throw new FullException(maxLearners);
            }
            learner = new Learner(name);
            learners.put(name, learner);
        }
        Instant now = clock.instant();
        for (StepResult r : steps) {
            learner.cells.put(r.step(), new Cell(r.status(), r.hints()));
            if (r.status().equals(StepResult.FAILED) || r.status().equals(StepResult.SKIPPED)) {
                learner.firstRed.putIfAbsent(r.step(), now);
            } else if (r.status().equals(StepResult.PASSED) && learner.firstRed.containsKey(r.step())) {
                learner.firstGreen.putIfAbsent(r.step(), now);
            }
        }
        accepted++;
        version++;
        notifyAll();
        return version;
    }

    public synchronized long version() {
        return version;
    }

    /** How many result posts the room has accepted since it started. */
    public synchronized long accepted() {
        return accepted;
    }

    public synchronized int learners() {
        return learners.size();
    }

    /** Waits until the version is past {@code seen} or the time is up (long polling); returns the version. */
    public synchronized long awaitChange(long seen, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (version <= seen) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return version;
    }

    /** The learners' names, sorted for a reader (case-insensitive). */
    public synchronized List<String> names() {
        return learners.keySet().stream()
                .sorted(Comparator.comparing((String n) -> n.toLowerCase(Locale.ROOT)).thenComparing(n -> n)).toList();
    }

    public synchronized Optional<Cell> cell(String name, String step) {
        Learner l = learners.get(name);
        return l == null ? Optional.empty() : Optional.ofNullable(l.cells.get(step));
    }

    /** A learner's first red (failed) step in teaching order. */
    public synchronized Optional<String> firstRed(String name) {
        Learner l = learners.get(name);
        if (l == null) {
            return Optional.empty();
        }
        return syllabus.allSteps().stream()
                .filter(s -> l.cells.containsKey(s) && l.cells.get(s).status().equals(StepResult.FAILED))
                .findFirst();
    }

    /** The steps that are someone's first red step, most learners first, then in teaching order. */
    public synchronized List<Stuck> stuck() {
        Map<String, List<String>> byStep = new LinkedHashMap<>();
        syllabus.allSteps().forEach(s -> byStep.put(s, new ArrayList<>()));
        for (String name : names()) {
            firstRed(name).ifPresent(s -> byStep.get(s).add(name));
        }
        List<String> order = syllabus.allSteps();
        return byStep.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .sorted(Comparator.comparingInt((Map.Entry<String, List<String>> e) -> -e.getValue().size())
                        .thenComparingInt(e -> order.indexOf(e.getKey())))
                .map(e -> new Stuck(syllabus.kataOf(e.getKey()).orElse(""), e.getKey(), List.copyOf(e.getValue())))
                .toList();
    }

    /** How long a learner took on a step: from the first result with it red to the first with it green. */
    public synchronized Optional<Duration> timeOn(String name, String step) {
        Learner l = learners.get(name);
        if (l == null || !l.firstGreen.containsKey(step)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(l.firstRed.get(step), l.firstGreen.get(step)));
    }

    /** The median of {@link #timeOn} over the learners who turned the step green, per step in teaching order. */
    public synchronized Map<String, Duration> medianTimes() {
        Map<String, Duration> medians = new LinkedHashMap<>();
        for (String step : syllabus.allSteps()) {
            List<Duration> times = new ArrayList<>();
            for (String name : learners.keySet()) {
                timeOn(name, step).ifPresent(times::add);
            }
            if (!times.isEmpty()) {
                times.sort(Comparator.naturalOrder());
                int n = times.size();
                medians.put(step, n % 2 == 1 ? times.get(n / 2) : times.get(n / 2 - 1).plus(times.get(n / 2)).dividedBy(2));
            }
        }
        return medians;
    }

    /** Everything the dashboard shows, as plain maps and lists for JSON. */
    public synchronized Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("version", version);
        view.put("accepted", accepted);
        List<Map<String, Object>> katas = new ArrayList<>();
        syllabus.steps().forEach((kata, steps) -> katas.add(Map.of("kata", kata, "steps", steps)));
        view.put("katas", katas);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String name : names()) {
            Map<String, Object> cells = new TreeMap<>();
            learners.get(name).cells.forEach((step, c) -> cells.put(step, List.of(c.status(), c.hints())));
            rows.add(Map.of("name", name, "cells", cells));
        }
        view.put("learners", rows);
        List<Map<String, Object>> stuck = new ArrayList<>();
        stuck().forEach(s -> stuck.add(Map.of("kata", s.kata(), "step", s.step(), "names", s.names())));
        view.put("stuck", stuck);
        Map<String, Long> medians = new LinkedHashMap<>();
        medianTimes().forEach((step, d) -> medians.put(step, d.toSeconds()));
        view.put("medianSeconds", medians);
        return view;
    }

    /**
     * The grid as CSV (RFC 4180: CRLF, fields with a comma, quote or line break quoted, quotes doubled), one row
     * per learner and step. A value a spreadsheet would run as a formula is prefixed with {@code '} (OWASP "CSV
     * Injection").
     */
    public synchronized String csv() {
        StringBuilder csv = new StringBuilder();
        row(csv, "name", "kata", "step", "status", "hints", "seconds_red_to_green");
        for (String name : names()) {
            Learner l = learners.get(name);
            syllabus.steps().forEach((kata, steps) -> {
                for (String step : steps) {
                    Cell c = l.cells.getOrDefault(step, new Cell(StepResult.NOT_RUN, 0));
                    row(csv, name, kata, step, c.status(), Integer.toString(c.hints()),
                            timeOn(name, step).map(d -> Long.toString(d.toSeconds())).orElse(""));
                }
            });
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            csv.append(i == 0 ? "" : ",").append(csvField(fields[i]));
        }
        csv.append("\r\n");
    }

    /** One CSV field: formula characters neutralised, then quoted if needed. */
    static String csvField(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
