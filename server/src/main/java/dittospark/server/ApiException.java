package dittospark.server;

import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;

/** A request the API refuses: its HTTP status, the {@code error_kind} a client can act on, and a message. */
final class ApiException extends Exception {
    private final int status;
    private final ErrorKind kind;

    ApiException(int status, ErrorKind kind, String message) {
        super(message);
        this.status = status;
        this.kind = kind;
    }

    /** A malformed request: missing or ill-typed fields. */
    static ApiException badRequest(String message) {
        return new ApiException(400, ErrorKind.BAD_REQUEST, message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, null, message);
    }

    /** What the engine's checks (options, seed) refused, with their kind. */
    static ApiException of(RenderException e) {
        return new ApiException(400, e.kind(), e.getMessage());
    }

    int status() {
        return status;
    }

    ErrorKind kind() {
        return kind;
    }
}
