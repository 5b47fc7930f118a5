package workshop.jwt;

/** The API (or the token endpoint) answered with an error the client cannot recover from. */
public class ApiCallFailed extends RuntimeException {
    private final int status;

    public ApiCallFailed(int status, String message) {
        super("HTTP " + status + ": " + message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
