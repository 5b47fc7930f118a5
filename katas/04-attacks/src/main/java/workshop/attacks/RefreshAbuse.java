package workshop.attacks;

import java.net.URI;
import java.util.Map;

/** Red team: refresh tokens redeemed by the wrong party (ATTACK DEMO, loopback only). */
public final class RefreshAbuse {

    private RefreshAbuse() {
    }

    /**
     * A10 · POSTs {@code refresh_token} and {@code client_id} as a form to {@code refreshEndpoint} (loopback only,
     * else NotLoopback) and returns the JSON answer (access_token, refresh_token, …); IllegalStateException with the
     * status for anything but 200.
     */
    public static Map<String, Object> redeem(URI refreshEndpoint, String refreshToken, String clientId) {
        throw new UnsupportedOperationException("A10 · refresh token misuse — see notebooks/04-attacks.ipynb, A10");
    }
}
