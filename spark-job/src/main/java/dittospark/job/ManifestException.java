package dittospark.job;

/** The manifest as a whole cannot be used; the job stops before any work with this message. */
public final class ManifestException extends Exception {
    public ManifestException(String message) {
        super(message);
    }

    public ManifestException(String message, Throwable cause) {
        super(message, cause);
    }
}
