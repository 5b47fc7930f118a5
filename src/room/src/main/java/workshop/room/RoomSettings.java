package workshop.room;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * A learner's opt-in: the room's address, its code and the name to show. Given on the command line
 * ({@code -Droom=… -Droom.code=… -Droom.name=…}) or once with {@code mvn -Proom-join}, which writes
 * {@code .kata/room.properties} (git-ignored). Without either, nothing is ever sent.
 *
 * @param url  the room server, e.g. {@code http://192.168.1.20:7878}
 * @param code the room code the instructor shows
 * @param name the name on the instructor's dashboard
 */
public record RoomSettings(URI url, String code, String name) {

    public static final String URL = "room";
    public static final String CODE = "room.code";
    public static final String NAME = "room.name";

    /** The file {@code mvn -Proom-join} writes. */
    public static Path file(Path kitRoot) {
        return kitRoot.resolve(".kata").resolve("room.properties");
    }

    /**
     * The opt-in: the system properties if {@code -Droom} is given, else {@code .kata/room.properties}, else empty
     * (not opted in).
     *
     * @throws IllegalArgumentException if an opt-in is there but incomplete or wrong (the message says which part)
     */
    public static Optional<RoomSettings> load(Path kitRoot, Properties system) {
        Properties p = system;
        if (blank(system.getProperty(URL))) {
            Path file = file(kitRoot);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            p = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException e) {
                throw new IllegalArgumentException("could not read " + file + ": " + e.getMessage(), e);
            }
        }
        return Optional.of(of(p.getProperty(URL), p.getProperty(CODE), p.getProperty(NAME)));
    }

    /** Checks the three parts and makes settings of them. */
    public static RoomSettings of(String url, String code, String name) {
        if (blank(url)) {
            throw new IllegalArgumentException("-D" + URL + "=http://HOST:" + RoomServer.DEFAULT_PORT + " is missing");
        }
        URI uri;
        try {
            uri = URI.create(url.strip().replaceAll("/+$", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("-D" + URL + " is not an address: " + url);
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("-D" + URL + " must look like http://HOST:" + RoomServer.DEFAULT_PORT
                    + ", not " + url);
        }
        if (blank(code)) {
            throw new IllegalArgumentException("-D" + CODE + "=… (the code the instructor shows) is missing");
        }
        if (blank(name)) {
            throw new IllegalArgumentException("-D" + NAME + "=\"Your name\" is missing");
        }
        return new RoomSettings(uri, RoomSecrets.normaliseCode(code), name.strip());
    }

    /** Writes {@code .kata/room.properties}. */
    public void save(Path kitRoot) {
        Properties p = new Properties();
        p.setProperty(URL, url.toString());
        p.setProperty(CODE, code);
        p.setProperty(NAME, name);
        Path file = file(kitRoot);
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(out, "The workshop room: every mvn test sends step results here. Leave: mvn -Proom-leave");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
