package workshop.kernel;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Where the kernel's own code lives (the shaded jar, or target/classes in tests). */
final class KernelFiles {

    private KernelFiles() {
    }

    static Path kernelCodeLocation() {
        try {
            return Path.of(KernelFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the kernel's own jar: " + e.getMessage(), e);
        }
    }
}
