package dittospark.udf;

import java.util.Locale;

/** One-line descriptions of why a row's files could not be written, naming a full disk as such. */
public final class OutputFailures {
    private OutputFailures() {
    }

    /**
     * Hadoop's local file system reports a failed write as an {@code FSError} around the IOException;
     * the operating system's text ("No space left on device") is in the innermost message.
     */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        if (message.toLowerCase(Locale.ROOT).contains("no space left")) {
            return "no space left on the disk (" + message + "); free space or write elsewhere, then run again";
        }
        return message;
    }
}
