package workshop.simulator.legacy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Extension;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Clock;
import java.util.function.Consumer;
import workshop.simulator.SimulatedServer;
import workshop.simulator.SimulatorException;

/**
 * Starts the attack-demo servers with the simulator's own safe setup (127.0.0.1 only, loopback {@code Host} check,
 * no WireMock admin API over HTTP, a temporary file root): the same {@code SimulatedServer.start} every scenario uses.
 * That method is package-private in {@code workshop.simulator}; this package reaches it by reflection, in this one
 * place, so the legacy servers cannot drift from the simulator's safety settings. LegacyJwtServerTest starts through it.
 */
final class LoopbackServers {

    private LoopbackServers() {
    }

    static SimulatedServer start(String name, Clock clock, Consumer<WireMockServer> stubs, Extension... extensions) {
        Method start;
        try {
            start = SimulatedServer.class.getDeclaredMethod("start", String.class, int.class, Clock.class,
                    Consumer.class, Extension[].class);
            start.setAccessible(true);
        } catch (NoSuchMethodException | RuntimeException e) {
            throw new SimulatorException("The simulator's SimulatedServer.start(name, port, clock, stubs, extensions) was"
                    + " not found: the attack-demo servers start only through it (its loopback-only setup).", e);
        }
        try {
            return (SimulatedServer) start.invoke(null, name, 0, clock, stubs, extensions);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new SimulatorException("The simulated " + name + " could not start: " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new SimulatorException("The simulated " + name + " could not start: " + e, e);
        }
    }
}
