package workshop.sessions;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs a few tasks at the same moment (all threads wait at one gate), to provoke races between them. */
final class Concurrently implements AutoCloseable {

    private final ExecutorService pool;
    private final int threads;

    Concurrently(int threads) {
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads);
    }

    /** Starts every task at once and returns their results in order; a task's exception is rethrown as is. */
    <T> List<T> run(List<Callable<T>> tasks) throws Exception {
        if (tasks.size() > threads) {
            throw new IllegalArgumentException(tasks.size() + " tasks need as many threads, this pool has " + threads);
        }
        CountDownLatch ready = new CountDownLatch(tasks.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> task : tasks) {
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return task.call();
            }));
        }
        ready.await();
        go.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            try {
                results.add(future.get(30, TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw e;
            }
        }
        return results;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
