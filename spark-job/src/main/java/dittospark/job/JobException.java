package dittospark.job;

/** The run cannot start or finish as a whole (its output folder is taken, its results cannot be written). */
public final class JobException extends Exception {
    public JobException(String message) {
        super(message);
    }

    public JobException(String message, Throwable cause) {
        super(message, cause);
    }
}
