package workshop.attacks;

/** A key does not meet the key policy; the message says what a good key looks like. */
public final class WeakKey extends RuntimeException {

    public WeakKey(String message) {
        super(message);
    }
}
