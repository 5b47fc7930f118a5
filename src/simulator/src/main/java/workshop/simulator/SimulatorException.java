package workshop.simulator;

/** The simulator could not do what was asked; the message says what to change. */
public class SimulatorException extends RuntimeException {
    public SimulatorException(String message) {
        super(message);
    }

    public SimulatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
