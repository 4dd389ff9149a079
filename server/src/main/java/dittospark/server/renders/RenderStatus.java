package dittospark.server.renders;

/** Where a reply's render stands; the last three are final. */
public enum RenderStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean terminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
