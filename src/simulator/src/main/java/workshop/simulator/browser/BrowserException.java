package workshop.simulator.browser;

/** The browser lab could not do what was asked; the message says what happened and what to change. */
public class BrowserException extends RuntimeException {
    public BrowserException(String message) {
        super(message);
    }

    public BrowserException(String message, Throwable cause) {
        super(message, cause);
    }
}
