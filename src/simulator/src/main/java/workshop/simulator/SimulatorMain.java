package workshop.simulator;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Runs simulated servers for a person with a browser or curl:
 * {@code mvn -q -pl src/simulator compile exec:java -Dexec.args="cookies --port 8080"}.
 */
public final class SimulatorMain {

    private static final Map<String, BiFunction<Clock, Integer, SimulatedServer>> SCENARIOS = new LinkedHashMap<>();

    static {
        SCENARIOS.put("cookies", CookieSite::start);
        SCENARIOS.put("sessions", SessionSite::start);
        SCENARIOS.put("tokens", TokenServer::start);
    }

    private SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> names = new ArrayList<>();
        int port = 0;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--port") && i + 1 < args.length) {
                port = parsePort(args[++i]);
            } else if (arg.equals("all")) {
                names.addAll(SCENARIOS.keySet());
            } else if (SCENARIOS.containsKey(arg)) {
                names.add(arg);
            } else {
                System.err.println("Unknown scenario '" + arg + "'. Choose from: " + String.join(", ", SCENARIOS.keySet())
                        + ", all; optionally --port N.");
                System.exit(2);
            }
        }
        if (names.isEmpty()) {
            names.addAll(SCENARIOS.keySet());
        }
        List<SimulatedServer> servers = new ArrayList<>();
        for (String name : names) {
            SimulatedServer server = start(name, Clock.systemUTC(), port == 0 ? 0 : port + servers.size());
            servers.add(server);
            System.out.println("The " + server.name() + " is running at " + server.baseUri() + "/");
        }
        System.out.println("Open it in a browser (dev tools → Application/Storage → Cookies) or curl -i it.");
        System.out.println("Press Enter (or Ctrl+C) to stop.");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> servers.forEach(SimulatedServer::close)));
        if (new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine() == null) {
            Thread.currentThread().join(); // no console (started in the background): run until killed
        }
        servers.forEach(SimulatedServer::close);
    }

    /** Starts the scenario {@code name} exactly as {@code main} does (0 = a free port). */
    static SimulatedServer start(String name, Clock clock, int port) {
        var starter = SCENARIOS.get(name);
        if (starter == null) {
            throw new SimulatorException("Unknown scenario '" + name + "'. Choose from: " + String.join(", ", SCENARIOS.keySet()) + ".");
        }
        return starter.apply(clock, port);
    }

    /** The scenario names {@code main} accepts (besides "all"). */
    static List<String> scenarios() {
        return List.copyOf(SCENARIOS.keySet());
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            System.err.println("--port needs a number between 1 and 65535, got '" + text + "'.");
            System.exit(2);
            return 0;
        }
    }
}
