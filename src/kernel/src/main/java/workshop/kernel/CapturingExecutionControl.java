package workshop.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jdk.jshell.execution.LocalExecutionControl;

/**
 * JShell's in-process execution engine that also keeps the value objects of evaluated snippets,
 * so the kernel can render the last expression of a cell with rich MIME types.
 *
 * <p>The JDK's {@link LocalExecutionControl} already knows how to stop a running snippet on every
 * supported JDK; this class routes each invocation through a trampoline so the real value object
 * is remembered under a key, and JShell receives the key as the snippet's "value string".
 */
public final class CapturingExecutionControl extends LocalExecutionControl {

    /** Prefix of the keys handed to JShell instead of {@code toString()} values. */
    static final String KEY_PREFIX = "\u0000workshop-value:";

    private static final Object NULL = new Object();
    private static final Method TRAMPOLINE;

    static {
        try {
            TRAMPOLINE = CapturingExecutionControl.class.getMethod("trampoline");
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // The JDK runs the invoked method on its own snippet thread, so the hand-over goes through fields.
    private static volatile CapturingExecutionControl active;
    private volatile Method current;
    private volatile Object lastValue;
    private volatile Thread snippetThread;
    // A stop that arrives while a snippet is still compiling finds nothing running; it waits here for the invoke.
    private volatile boolean stopPending;
    // The thread that called invoke: the JDK's invoke joins every thread of the snippet's group it sees.
    private volatile Thread invoker;

    private final Map<String, Object> values = new ConcurrentHashMap<>();
    private final AtomicLong counter = new AtomicLong();

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        if (stopPending) {
            throw new StoppedException();
        }
        String key = KEY_PREFIX + counter.incrementAndGet();
        current = doitMethod;
        lastValue = null;
        invoker = Thread.currentThread();
        active = this;
        try {
            super.invoke(TRAMPOLINE);
            values.put(key, lastValue == null ? NULL : lastValue);
        } finally {
            current = null;
            lastValue = null;
        }
        return key;
    }

    /**
     * Runs on the JDK's snippet thread; unwraps the reflective wrapper so JShell reports the
     * user's own exception. Public only because the JDK invokes it reflectively.
     *
     * @return the value of the snippet
     * @throws Throwable whatever the snippet threw
     */
    public static Object trampoline() throws Throwable {
        CapturingExecutionControl control = active;
        control.snippetThread = Thread.currentThread();
        control.awaitInvokerJoining();
        try {
            Object value = control.current.invoke(null);
            control.lastValue = value;
            return value;
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            control.snippetThread = null;
        }
    }

    /**
     * The JDK's {@code LocalExecutionControl.invoke} starts the snippet thread, then lists the threads of
     * its thread group and joins every one. A snippet that starts a thread of its own before that list is
     * made (an {@code HttpClient} starts its selector thread) would make the cell wait until that thread
     * ends — for an {@code HttpClient} kept in a variable, forever. So the snippet starts only once the
     * invoking thread waits in {@code join}: the list then holds the snippet thread alone. Bounded: after
     * five seconds the snippet runs anyway.
     */
    private void awaitInvokerJoining() {
        Thread waiting = invoker;
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (waiting != null && System.nanoTime() < deadline) {
            Thread.State state = waiting.getState();
            if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING || state == Thread.State.TERMINATED) {
                return;
            }
            Thread.yield();
        }
    }

    /** Besides the JDK's stop, wakes a snippet blocked in sleep, wait or I/O. */
    @Override
    public void stop() throws EngineTerminationException, InternalException {
        stopPending = true;
        super.stop();
        Thread thread = snippetThread;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Forgets a stop request, before a new cell starts. */
    void clearStop() {
        stopPending = false;
    }

    /**
     * Removes and returns the value stored for a key JShell reported as a snippet value.
     *
     * @param key the value string of a {@code SnippetEvent}
     * @return the stored object, {@code null} for a {@code null} value or an unknown key
     */
    Object takeValue(String key) {
        if (key == null || !key.startsWith(KEY_PREFIX)) {
            return null;
        }
        Object value = values.remove(key);
        return value == NULL ? null : value;
    }

    /** Forgets values no one asked for (e.g. declarations), so they can be garbage collected. */
    void forgetValues() {
        values.clear();
    }
}
