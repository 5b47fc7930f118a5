package workshop.kernel;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A per-cell budget for stdout and stderr together: past it, output is dropped and one note says
 * so, because megabytes of text would freeze the browser and the kernel's message channel.
 */
final class OutputLimit {

    private final long maxBytes;
    private final AtomicLong written = new AtomicLong();
    private final AtomicBoolean noted = new AtomicBoolean();

    OutputLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * @param target the stream the kernel forwards to Jupyter
     * @return a print stream that writes to it within the budget
     */
    PrintStream wrap(PrintStream target) {
        return new PrintStream(new Limited(target), true, StandardCharsets.UTF_8);
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
