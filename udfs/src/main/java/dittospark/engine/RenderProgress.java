package dittospark.engine;

/** Told as frames leave the encoder; called from the encoder's thread. */
@FunctionalInterface
public interface RenderProgress {
    RenderProgress NONE = (done, total) -> { };

    void framesWritten(int done, int total);
}
