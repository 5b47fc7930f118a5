package workshop.jwt;

/** Reads a token's header and payload WITHOUT verifying it, like a jwt.io inspector. Decoding is not verifying. */
public final class TokenDecoder {

    private TokenDecoder() {
    }

    /** J2 · decodes as far as possible; never throws for a bad token, lists the problems instead. */
    public static DecodedToken decode(String token) {
        throw new UnsupportedOperationException("J2 · decode without verifying — see notebooks/03-jwt.ipynb, J2");
    }
}
