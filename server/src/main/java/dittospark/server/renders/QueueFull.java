package dittospark.server.renders;

/** The queue holds as many renders as it may; {@code retryAfterSeconds} is when one is likely to have left. */
public final class QueueFull extends Exception {
    private final long retryAfterSeconds;

    QueueFull(int queued, long retryAfterSeconds) {
        super("the render queue is full (" + queued + " waiting); retry in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
