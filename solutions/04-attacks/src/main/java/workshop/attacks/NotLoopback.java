package workshop.attacks;

import java.net.URI;

/** An attack was aimed at something other than this machine's loopback address: the kit refuses to send it. */
public final class NotLoopback extends IllegalArgumentException {

    private final URI target;

    public NotLoopback(URI target) {
        super("refusing to attack " + target + ": the kit's attack code targets only http://127.0.0.1 or "
                + "http://localhost (the simulator on this machine). Attacking a system you do not own is illegal in most "
                + "countries; practise on the simulator, WebGoat or the PortSwigger labs.");
        this.target = target;
    }

    /** The address that was refused. */
    public URI target() {
        return target;
    }
}
