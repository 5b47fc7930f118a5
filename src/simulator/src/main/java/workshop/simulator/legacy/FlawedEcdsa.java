package workshop.simulator.legacy;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;

/**
 * ATTACK DEMO: an ES256 (ECDSA P-256, SHA-256) verifier written by hand with the flaw of CVE-2022-21449 ("psychic
 * signatures", JDK 15 to 17.0.2 and 18): it never checks that {@code r} and {@code s} lie in {@code [1, n-1]}
 * (FIPS 186-4 6.4.2 step 1, SEC 1 4.1.4 step 1). With {@code s = 0} the inverse by Fermat, {@code s^(n-2) mod n},
 * is 0, so {@code u1 = u2 = 0}, the point {@code u1·G + u2·Q} is the point at infinity, whose x is read as 0, and
 * {@code 0 == r} holds for {@code r = 0}: the signature of all zero bytes verifies for every message and every key.
 * Genuine signatures verify as they should. Never use this class for anything but the demo.
 */
public final class FlawedEcdsa {

    private final ECPublicKey key;
    private final BigInteger p;
    private final BigInteger a;
    private final BigInteger n;

    public FlawedEcdsa(ECPublicKey key) {
        this.key = key;
        ECParameterSpec params = key.getParams();
        this.p = ((ECFieldFp) params.getCurve().getField()).getP();
        this.a = params.getCurve().getA();
        this.n = params.getOrder();
    }

    /** Whether {@code signature} (r || s, 32 bytes each, as JWS ES256 writes it) signs {@code data}: FLAWED on purpose. */
    public boolean verify(byte[] data, byte[] signature) {
        if (signature.length != 64) {
            return false;
        }
        BigInteger r = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 0, 32));
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 32, 64));
        // MISSING on purpose: if (r.signum() == 0 || s.signum() == 0 || r >= n || s >= n) return false;
        BigInteger z = new BigInteger(1, sha256(data));
        BigInteger w = s.modPow(n.subtract(BigInteger.TWO), n); // Fermat: the "inverse" of 0 is 0
        BigInteger u1 = z.multiply(w).mod(n);
        BigInteger u2 = r.multiply(w).mod(n);
        ECPoint point = add(multiply(key.getParams().getGenerator(), u1), multiply(key.getW(), u2));
        BigInteger x = point == ECPoint.POINT_INFINITY ? BigInteger.ZERO : point.getAffineX(); // infinity's x read as 0
        return x.mod(n).equals(r);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private ECPoint multiply(ECPoint point, BigInteger k) {
        ECPoint result = ECPoint.POINT_INFINITY;
        for (int i = k.bitLength() - 1; i >= 0; i--) {
            result = add(result, result);
            if (k.testBit(i)) {
                result = add(result, point);
            }
        }
        return result;
    }

    private ECPoint add(ECPoint p1, ECPoint p2) {
        if (p1 == ECPoint.POINT_INFINITY) {
            return p2;
        }
        if (p2 == ECPoint.POINT_INFINITY) {
            return p1;
        }
        BigInteger x1 = p1.getAffineX(), y1 = p1.getAffineY(), x2 = p2.getAffineX(), y2 = p2.getAffineY();
        BigInteger lambda;
        if (x1.equals(x2)) {
            if (y1.add(y2).mod(p).signum() == 0) {
                return ECPoint.POINT_INFINITY;
            }
            lambda = x1.pow(2).multiply(BigInteger.valueOf(3)).add(a).multiply(y1.shiftLeft(1).modInverse(p)).mod(p);
        } else {
            lambda = y2.subtract(y1).multiply(x2.subtract(x1).modInverse(p)).mod(p);
        }
        BigInteger x3 = lambda.pow(2).subtract(x1).subtract(x2).mod(p);
        BigInteger y3 = lambda.multiply(x1.subtract(x3)).subtract(y1).mod(p);
        return new ECPoint(x3, y3);
    }
}
