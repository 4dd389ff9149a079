package dittospark.engine;

/** Told as frames leave the encoder; called from the encoder's thread. */
@FunctionalInterface
public interface RenderProgress {
    RenderProgress NONE = (done, total) -> { };

    /** {@code total} is -1 in a {@link RenderSession} whose length is known only when it finishes. */
    void framesWritten(int done, int total);

    /**
     * Told when a segment of the live output ({@link RenderRequest#live}) is complete and listed in its
     * playlist: {@code index} from 0, {@code endSeconds} the video time it ends at.
     */
    default void segmentWritten(int index, double endSeconds) {
    }
}
