package dittospark.errors;

/** A render that cannot complete, with a stable {@link ErrorKind} and a message a user can act on. */
public class RenderException extends Exception {
    private final ErrorKind kind;

    public RenderException(ErrorKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public RenderException(ErrorKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public ErrorKind kind() {
        return kind;
    }
}
