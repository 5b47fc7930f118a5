package workshop.simulator.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The cached redis-server binary is used only while nobody else could have changed it. */
class RedisBinaryTest {

    @Test
    void theCopyIsReusedAndACopyOthersCouldChangeIsWrittenAgain() throws Exception {
        Path first = RedisBinary.get();
        assertThat(Files.isExecutable(first)).isTrue();
        Optional<Path> cache = RedisBinary.ownerOnlyCacheDir();
        if (cache.isEmpty()) {   // no POSIX permissions here: a fresh copy per JVM, nothing shared to trust
            assertThat(RedisBinary.get()).isNotEqualTo(first);
            return;
        }
        assertThat(first.getParent()).isEqualTo(cache.get());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.get()))).isEqualTo("rwx------");
        long modified = Files.getLastModifiedTime(first).toMillis();
        assertThat(RedisBinary.get()).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(first).toMillis()).as("reused, not copied again").isEqualTo(modified);

        Files.setPosixFilePermissions(first, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThat(RedisBinary.get()).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first)))
                .as("a copy anyone could have written is replaced").isEqualTo("rwx------");

        byte[] damaged = Files.readAllBytes(first);
        damaged[damaged.length / 2] ^= 0x42;
        Path replacement = Files.createTempFile(cache.get(), "damaged-", "");
        Files.write(replacement, damaged, StandardOpenOption.TRUNCATE_EXISTING);
        Files.setPosixFilePermissions(replacement, PosixFilePermissions.fromString("rwx------"));
        // A new file moved over it: a running server keeps its own (writing into a running binary fails on Linux).
        Files.move(replacement, first, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(RedisBinary.get()).isEqualTo(first);
        try (KitRedis redis = KitRedis.embedded()) {
            assertThat(redis.client().ping()).as("a damaged copy (CRC-32 mismatch) is replaced").isEqualTo("PONG");
        }
    }
}
