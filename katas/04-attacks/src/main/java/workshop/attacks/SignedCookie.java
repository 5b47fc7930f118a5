package workshop.attacks;

import java.util.Optional;

/** Blue team: a cookie value the client can read but not change — an HMAC-SHA256 tag with a key from configuration. */
public final class SignedCookie {

    /**
     * A13 · A codec with {@code key} (at least 32 bytes: IllegalArgumentException otherwise). The key is copied.
     */
    public SignedCookie(byte[] key) {
    }

    /** A13 · {@code value} with its tag, in characters a cookie value may hold (RFC 6265 4.1.1). */
    public String seal(String value) {
        throw new UnsupportedOperationException("A13 · sign the cookie value — see notebooks/04-attacks.ipynb, A13");
    }

    /** A13 · The value if {@code cookie} was sealed with this key and not changed since; empty otherwise (never throws). */
    public Optional<String> open(String cookie) {
        throw new UnsupportedOperationException("A13 · check the cookie's tag — see notebooks/04-attacks.ipynb, A13");
    }
}
