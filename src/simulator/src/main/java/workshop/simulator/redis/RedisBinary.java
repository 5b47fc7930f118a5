package workshop.simulator.redis;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;
import redis.embedded.model.OsArchitecture;

/**
 * The redis-server binary that the embedded-redis jar ships for this platform, as an executable file.
 * <p>
 * Inflating its 9 MB out of the jar takes about 250 ms, half of a first start, so on POSIX systems it is kept between
 * runs in a directory of the temporary folder that only this user can enter ({@code workshop-redis-bin-<user>},
 * mode 700). A copy there is used only if the directory and the file belong to this user, are no symbolic links, can
 * be written by nobody else, and the file's CRC-32 matches the jar entry's; otherwise it is written again. Where that
 * cannot be checked (Windows, whose temporary folder is per user anyway, or a jar-less class path) each JVM writes
 * its own copy into a fresh temporary directory, deleted on exit.
 */
final class RedisBinary {

    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private RedisBinary() {
    }

    static Path get() throws IOException {
        OsArchitecture platform = platform();
        String resource = ExecutableProvider.newProvidedVersionsMap().get(platform);
        if (resource == null) {
            throw new IOException("the embedded-redis jar has no redis-server for " + System.getProperty("os.name")
                    + " on " + System.getProperty("os.arch"));
        }
        URL url = RedisServer.class.getResource(resource);
        if (url == null) {
            throw new FileNotFoundException("the embedded-redis jar lacks " + resource);
        }
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        URLConnection connection = url.openConnection();
        Optional<Path> cache = ownerOnlyCacheDir();
        if (cache.isPresent() && connection instanceof JarURLConnection jar) {
            JarEntry entry = jar.getJarEntry();
            Path cached = cache.get().resolve(name + "-" + Long.toHexString(entry.getCrc()));
            if (isTrusted(cached) && Files.size(cached) == entry.getSize() && crc(cached) == entry.getCrc()) {
                return cached;
            }
            Path partial = Files.createTempFile(cache.get(), "partial-", "");
            try {
                copy(url, partial);
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rwx------"));
                Files.move(partial, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
            return cached;
        }
        Path dir = Files.createTempDirectory("workshop-redis-bin-");
        dir.toFile().deleteOnExit();
        Path file = dir.resolve(name);
        copy(url, file);
        file.toFile().deleteOnExit();
        if (!file.toFile().setExecutable(true, true)) {
            throw new IOException("could not make " + file + " executable");
        }
        return file;
    }

    /**
     * This JVM's platform from its system properties; embedded-redis's own detection runs {@code uname -m} in a new
     * process, which costs a first start about 100 ms.
     */
    static OsArchitecture platform() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(java.util.Locale.ROOT);
        boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
        boolean arm64 = arch.equals("aarch64") || arch.equals("arm64");
        boolean x86 = arch.equals("x86") || arch.equals("i386") || arch.equals("i686");
        if (os.startsWith("linux") && (x64 || arm64 || x86)) {
            return x64 ? OsArchitecture.UNIX_x86_64 : arm64 ? OsArchitecture.UNIX_AARCH64 : OsArchitecture.UNIX_x86;
        }
        if (os.startsWith("mac") && (x64 || arm64)) {
            return x64 ? OsArchitecture.MAC_OS_X_x86_64 : OsArchitecture.MAC_OS_X_ARM64;
        }
        if (os.startsWith("windows") && x64) {
            return OsArchitecture.WINDOWS_x86_64;
        }
        return OsArchitecture.detectOSandArchitecture();
    }

    /** {@code <tmp>/workshop-redis-bin-<user>}, created mode 700; empty if it is not provably this user's alone. */
    static Optional<Path> ownerOnlyCacheDir() {
        try {
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            if (!Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                return Optional.empty();
            }
            String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
            Path dir = tmp.resolve("workshop-redis-bin-" + user);
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
            } catch (FileAlreadyExistsException exists) {
                // made by an earlier run (or by someone else: checked below)
            }
            PosixFileAttributes attrs = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            boolean ours = attrs.isDirectory() && !attrs.isSymbolicLink() && attrs.owner().equals(me(dir))
                    && attrs.permissions().equals(OWNER_ONLY_DIR);
            return ours ? Optional.of(dir) : Optional.empty();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static boolean isTrusted(Path file) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        PosixFileAttributes attrs = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        Set<PosixFilePermission> perms = attrs.permissions();
        return attrs.isRegularFile() && attrs.owner().equals(me(file.getParent()))
                && perms.contains(PosixFilePermission.OWNER_EXECUTE)
                && !perms.contains(PosixFilePermission.GROUP_WRITE) && !perms.contains(PosixFilePermission.OTHERS_WRITE);
    }

    /** This process's user, as the file system names owners. */
    private static UserPrincipal me(Path anywhere) throws IOException {
        return anywhere.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
    }

    private static long crc(Path file) throws IOException {
        CRC32 crc = new CRC32();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 20];
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                crc.update(buf, 0, n);
            }
        }
        return crc.getValue();
    }

    private static void copy(URL url, Path target) throws IOException {
        try (InputStream in = url.openStream(); OutputStream out = Files.newOutputStream(target)) {
            byte[] buf = new byte[1 << 20];
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                out.write(buf, 0, n);
            }
        }
    }

}
