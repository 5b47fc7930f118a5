package workshop.room;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code mvn -Proom-join -Droom=… -Droom.code=… -Droom.name=…} writes the opt-in to {@code .kata/room.properties};
 * {@code mvn -Proom-leave} deletes it. Arguments: the kit's root folder, {@code join} or {@code leave}.
 */
public final class RoomJoin {

    private RoomJoin() {
    }

    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        String mode = args.length > 1 ? args[1] : "join";
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (mode.equals("leave")) {
            out.println(leave(root));
            return;
        }
        String url = System.getProperty(RoomSettings.URL);
        try {
            RoomSettings settings = RoomSettings.of(url, System.getProperty(RoomSettings.CODE),
                    System.getProperty(RoomSettings.NAME));
            out.println(join(root, settings));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Room: not joined: " + e.getMessage()
                    + ". Example: mvn -Proom-join -Droom=http://HOST:7878 -Droom.code=ABCD2345 \"-Droom.name=Your name\"",
                    null);
        }
    }

    static String join(Path root, RoomSettings settings) {
        settings.save(root);
        return "Room: joined " + settings.url() + " as " + settings.name() + ". From now on every mvn test and every"
                + " watch-mode run sends your step results (kata, step, status, hints opened, time; nothing else)."
                + " Leave: mvn -Proom-leave";
    }

    static String leave(Path root) {
        try {
            return Files.deleteIfExists(RoomSettings.file(root))
                    ? "Room: left. Nothing is sent any more (" + root.relativize(RoomSettings.file(root)) + " deleted)."
                    : "Room: you had not joined a room; nothing is sent.";
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + RoomSettings.file(root), e);
        }
    }
}
