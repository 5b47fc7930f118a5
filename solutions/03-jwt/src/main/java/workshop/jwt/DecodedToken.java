package workshop.jwt;

import java.util.List;
import java.util.Map;

/**
 * What a token SAYS about itself — decoded, NOT verified. Anyone can write these bytes.
 *
 * @param header    the header's fields (empty if it could not be decoded)
 * @param payload   the payload's claims (empty if it could not be decoded)
 * @param signature the third part as sent (base64url), empty if missing
 * @param problems  what is wrong with the token's form, in the order found
 */
public record DecodedToken(Map<String, Object> header, Map<String, Object> payload, String signature, List<String> problems) {

    /** Always false: decoding is not verifying. */
    public boolean verified() {
        return false;
    }

    @Override
    public String toString() {
        return "UNVERIFIED token (decoded, not verified) header=" + header + " payload=" + payload
                + (problems.isEmpty() ? "" : " problems=" + problems);
    }
}
