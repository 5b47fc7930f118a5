package workshop.kernel;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs each cell on a fresh thread and waits for it with bounds, so an interrupt or a time limit
 * always gives the kernel back, even when the cell's code ignores being stopped.
 */
final class CellThreads {

    /** How long a stopped cell gets to wind down before the kernel stops waiting for it. */
    static final Duration GRACE = Duration.ofSeconds(3);

    private final AtomicInteger count = new AtomicInteger();
    private final Runnable stopper;
    private volatile long stopRequestedAt;
    private volatile Thread running;
    private volatile Thread stuck;

    /** @param stopper asks the running cell's code to stop */
    CellThreads(Runnable stopper) {
        this.stopper = stopper;
    }

    /**
     * @param cell the work of one cell
     * @param timeout the longest the cell may run, empty for no limit
     * @return the cell's result
     * @throws Exception the cell's own failure, or a {@link CellInterruptedException}
     */
    CellResult run(Callable<CellResult> cell, Optional<Duration> timeout) throws Exception {
        Thread previous = stuck;
        if (previous != null && previous.isAlive()) {
            throw new CellInterruptedException("An earlier cell is still running and ignored the interrupt, so"
                    + " the Java state is in use. Restart the kernel (Kernel > Restart) to continue.");
        }
        stuck = null;
        stopRequestedAt = 0;
        FutureTask<CellResult> task = new FutureTask<>(cell);
        // Daemon: a cell that never ends must not keep the JVM alive after a shutdown request.
        Thread thread = new Thread(task, "notebook-cell-" + count.incrementAndGet());
        thread.setDaemon(true);
        running = thread;
        thread.start();
        long deadline = timeout.map(limit -> System.nanoTime() + limit.toNanos()).orElse(Long.MAX_VALUE);
        boolean timedOut = false;
        try {
            while (true) {
                try {
                    CellResult result = task.get(20, TimeUnit.MILLISECONDS);
                    if (timedOut) {
                        throw timeoutException(timeout);
                    }
                    return result;
                } catch (ExecutionException e) {
                    if (timedOut) {
                        throw timeoutException(timeout);
                    }
                    Throwable cause = e.getCause();
                    throw cause instanceof Exception ? (Exception) cause : new IllegalStateException(cause);
                } catch (TimeoutException e) {
                    if (!timedOut && System.nanoTime() > deadline) {
                        timedOut = true;
                        interrupt();
                    }
                    long requested = stopRequestedAt;
                    if (requested != 0 && System.nanoTime() - requested > GRACE.toNanos()) {
                        stuck = thread;
                        throw new CellInterruptedException("The cell was stopped but its code keeps running (it"
                                + " ignores interrupts). The kernel is alive; restart it (Kernel > Restart) before"
                                + " running more cells.");
                    }
                }
            }
        } finally {
            running = null;
        }
    }

    private static CellInterruptedException timeoutException(Optional<Duration> timeout) {
        return new CellInterruptedException("The cell ran longer than the time limit ("
                + timeout.map(Duration::toMillis).orElse(0L) + " ms, set by IJAVA_TIMEOUT) and was stopped.");
    }

    /** Stops whatever cell is running now, as the notebook's interrupt button does. */
    void interrupt() {
        if (running != null) {
            stopRequestedAt = System.nanoTime();
            stopper.run();
        }
    }
}
