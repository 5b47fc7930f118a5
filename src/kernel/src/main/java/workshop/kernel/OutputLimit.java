package workshop.kernel;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A per-cell budget for stdout and stderr together: past it, output is dropped and one note says
 * so, because megabytes of text would freeze the browser and the kernel's message channel.
 * Output is buffered and sent every {@link #FLUSH_INTERVAL_MS} ms, since every flush is one
 * Jupyter message and a loop of println calls would otherwise send one message per line.
 */
final class OutputLimit implements AutoCloseable {

    static final long FLUSH_INTERVAL_MS = 100;
    private static final int BUFFER_BYTES = 32 * 1024;

    private final long maxBytes;
    private final AtomicLong written = new AtomicLong();
    private final AtomicBoolean noted = new AtomicBoolean();
    private final List<PrintStream> streams = new CopyOnWriteArrayList<>();
    private final Thread flusher;
    private volatile boolean open = true;

    OutputLimit(long maxBytes) {
        this.maxBytes = maxBytes;
        this.flusher = new Thread(this::flushPeriodically, "notebook-output-flusher");
        flusher.setDaemon(true);
        flusher.start();
    }

    /**
     * @param target the stream the kernel forwards to Jupyter
     * @return a print stream that writes to it within the budget
     */
    PrintStream wrap(PrintStream target) {
        PrintStream stream = new PrintStream(new BufferedOutputStream(new Limited(target), BUFFER_BYTES), false,
                StandardCharsets.UTF_8);
        streams.add(stream);
        return stream;
    }

    private void flushPeriodically() {
        while (open) {
            try {
                Thread.sleep(FLUSH_INTERVAL_MS);
            } catch (InterruptedException e) {
                return;
            }
            streams.forEach(PrintStream::flush);
        }
    }

    /** Sends what is buffered and stops the periodic flush. */
    @Override
    public void close() {
        open = false;
        flusher.interrupt();
        streams.forEach(PrintStream::flush);
    }

    private final class Limited extends FilterOutputStream {
        Limited(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            long before = written.getAndAdd(length);
            if (before >= maxBytes) {
                note();
                return;
            }
            int allowed = (int) Math.min(length, maxBytes - before);
            out.write(bytes, offset, allowed);
            if (allowed < length) {
                note();
            }
        }

        private void note() throws IOException {
            if (noted.compareAndSet(false, true)) {
                out.write(("\n[output truncated: this cell printed more than " + maxBytes
                        + " bytes; the rest was dropped. Print less, e.g. a summary or the first lines.]\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }
    }
}
