package workshop.watch;

import java.util.Arrays;
import java.util.List;

/**
 * Watch mode's threads: daemons in a thread group of their own, so that Maven's exec:java neither waits
 * for them nor for threads a hung kata test leaves behind (those are created in the same group).
 */
final class Threads {

    private static final ThreadGroup GROUP = new ThreadGroup(topGroup(), "watch-mode");

    private Threads() {
    }

    static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(GROUP, task, name);
        thread.setDaemon(true);
        return thread;
    }

    /** The live threads of watch mode's group: its own, and those the kata tests started. */
    static List<Thread> all() {
        Thread[] threads = new Thread[GROUP.activeCount() + 16];
        int n = GROUP.enumerate(threads, true);
        return Arrays.asList(threads).subList(0, n);
    }

    private static ThreadGroup topGroup() {
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        while (group.getParent() != null) {
            group = group.getParent();
        }
        return group;
    }
}
