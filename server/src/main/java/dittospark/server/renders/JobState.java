package dittospark.server.renders;

import dittospark.errors.ErrorKind;

import java.time.Instant;

/**
 * One consistent reading of a render's state, for replies and events.
 *
 * @param segments   live segments written so far
 * @param duration   seconds of the finished video, 0 before it exists
 * @param renderSeconds seconds the engine took, 0 before it finished
 */
public record JobState(String id, RenderStatus status, int framesDone, int framesTotal, int segments,
                       Instant created, Instant started, Instant ended, ErrorKind errorKind, String error,
                       double duration, double renderSeconds, boolean cancelRequested) {
}
