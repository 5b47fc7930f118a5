package workshop.room;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code mvn -Proom} (from the kit's root): starts the room server and prints the room code, the learners' command
 * and the instructor's dashboard address; runs until Ctrl+C. Nothing is written to disk.
 * System properties: {@code room.port} (default 7878), {@code room.lan=true} (listen on the room's network).
 */
public final class RoomMain {

    private static final String RULE = "─".repeat(78);

    private RoomMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int port = Integer.getInteger("room.port", RoomServer.DEFAULT_PORT);
        boolean lan = Boolean.getBoolean("room.lan");
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Syllabus syllabus = Syllabus.of(root);
        String code = RoomSecrets.newCode();
        RoomServer server = new RoomServer(new Room(syllabus, Clock.systemUTC(), RoomServer.MAX_LEARNERS), code,
                RoomSecrets.newKey(), lan, Clock.systemUTC(), Duration.ofSeconds(20)).start(port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "room-stop"));
        out.println(RULE);
        out.println(" Room dashboard is running (" + syllabus.steps().size() + " katas, "
                + syllabus.allSteps().size() + " steps). Ctrl+C stops it; nothing is kept.");
        out.println(RULE);
        out.println(" Room code (read it aloud):  " + code.substring(0, 4) + " " + code.substring(4));
        out.println(" Learners use:               " + server.url());
        out.println(" Learners run once:");
        out.println("   mvn -Proom-join -Droom=" + server.url() + " -Droom.code=" + code + " \"-Droom.name=Your name\"");
        out.println(" Dashboard (instructor only; the #key part is your key, do not share it):");
        out.println("   " + server.dashboardUrl());
        if (!lan) {
            out.println(" Listening on 127.0.0.1 only: learners on other machines cannot reach it. For a room,"
                    + " restart with -Droom.lan=true (anyone on this network can then reach the port; they still"
                    + " need the code).");
        } else {
            out.println(" Listening on the network (-Droom.lan=true): anyone on it can reach port " + server.port()
                    + "; posting needs the code, the dashboard needs the key. Stop it after the workshop.");
        }
        out.println(RULE);
        stopped.await();
    }
}
