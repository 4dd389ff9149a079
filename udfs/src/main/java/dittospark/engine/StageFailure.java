package dittospark.engine;

/** The first failure of a pipeline stage, naming the stage and the frame it was working on. */
public final class StageFailure extends RuntimeException {
    private final String stage;
    private final int frame;

    StageFailure(String stage, int frame, Throwable cause) {
        super("stage '" + stage + "' failed" + (frame >= 0 ? " at frame " + frame : "") + ": " + cause.getMessage(), cause);
        this.stage = stage;
        this.frame = frame;
    }

    public String stage() {
        return stage;
    }

    /** The frame index, or -1 when the stage failed outside any frame. */
    public int frame() {
        return frame;
    }
}
