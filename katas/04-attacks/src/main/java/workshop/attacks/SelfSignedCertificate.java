package workshop.attacks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Given: a fresh RSA key pair (2048 bits) and a self-signed X.509 certificate for it, such as an attacker serves at
 * an {@code x5u} address (A7). Nobody vouches for it: its issuer is its own subject.
 *
 * <p>Why {@code keytool}: the JDK has no public API that issues a certificate, and its own {@code keytool} (in
 * {@code java.home/bin}, part of every JDK 17) does it in about a second, into a temporary PKCS12 keystore that
 * {@link KeyStore} reads back. BouncyCastle ({@code bcpkix-jdk18on} with {@code bcprov} and {@code bcutil}) would
 * do it in-process in milliseconds, but adds about 9 MB of jars to the offline bundle for this one step, and the
 * kata's rule is "the JDK does the crypto".
 */
public record SelfSignedCertificate(KeyPair keyPair, X509Certificate certificate) {

    private static final String ALIAS = "attacker";
    private static final String PASSWORD_VARIABLE = "WORKSHOP_KEYSTORE_PASSWORD";

    /**
     * A new key pair and a self-signed certificate for it, subject and issuer {@code CN=<commonName>, O=ATTACK DEMO},
     * SHA256withRSA, valid for one day. {@code commonName}: letters, digits, spaces, dots and hyphens.
     */
    public static SelfSignedCertificate create(String commonName) {
        if (commonName == null || !commonName.matches("[A-Za-z0-9 .-]{1,64}")) {
            throw new IllegalArgumentException("Use a plain common name such as \"attacker\" (letters, digits, spaces,"
                    + " dots, hyphens), not " + commonName);
        }
        Path folder = null;
        try {
            folder = Files.createTempDirectory("workshop-x5u-");
            Path store = folder.resolve("attacker.p12");
            byte[] secret = new byte[16];
            new SecureRandom().nextBytes(secret);
            String password = HexFormat.of().formatHex(secret);
            runKeytool(store, password, "CN=" + commonName + ", O=ATTACK DEMO");
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keyStore.load(in, password.toCharArray());
            }
            X509Certificate certificate = (X509Certificate) keyStore.getCertificate(ALIAS);
            PrivateKey privateKey = (PrivateKey) keyStore.getKey(ALIAS, password.toCharArray());
            return new SelfSignedCertificate(new KeyPair(certificate.getPublicKey(), privateKey), certificate);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("keytool's keystore could not be read back: " + e.getMessage(), e);
        } finally {
            deleteQuietly(folder);
        }
    }

    /** The certificate as PEM (RFC 7468 5): {@code -----BEGIN CERTIFICATE-----}, base64 DER in 64-character lines. */
    public String pem() {
        try {
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded());
            return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void runKeytool(Path store, String password, String distinguishedName) throws IOException {
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        Path keytool = Files.exists(bin.resolve("keytool.exe")) ? bin.resolve("keytool.exe") : bin.resolve("keytool");
        if (!Files.isExecutable(keytool)) {
            throw new IllegalStateException("No keytool at " + keytool + ": run the kata with a full JDK 17 (it ships one).");
        }
        // The password travels in the environment, never on a command line that other users can list.
        ProcessBuilder builder = new ProcessBuilder(List.of(keytool.toString(), "-J-XX:TieredStopAtLevel=1",
                "-genkeypair", "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-sigalg", "SHA256withRSA",
                "-dname", distinguishedName, "-validity", "1", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass:env", PASSWORD_VARIABLE, "-keypass:env", PASSWORD_VARIABLE, "-noprompt"))
                .redirectErrorStream(true);
        builder.environment().put(PASSWORD_VARIABLE, password);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroy();
                throw new IllegalStateException("keytool could not make the certificate:\n" + output.strip());
            }
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while keytool made the certificate", e);
        }
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            folder.toFile().deleteOnExit(); // a leftover temp keystore of a throwaway demo key: not worth failing for
        }
    }
}
