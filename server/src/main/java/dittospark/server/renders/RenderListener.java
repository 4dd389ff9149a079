package dittospark.server.renders;

/** Hears of renders as they go; called from workers and the encoder's thread, so it must not block long. */
public interface RenderListener {
    RenderListener NONE = new RenderListener() {
    };

    /** Status or frame count changed. */
    default void progressed(RenderJob job) {
    }

    /** A live segment is listed in the playlist. */
    default void segmentWritten(RenderJob job, int index, double endSeconds) {
    }

    /** The render ended: succeeded, failed or cancelled. */
    default void ended(RenderJob job) {
    }
}
