package dittospark.engine;

import dittospark.image.Image;

/** Takes a streaming render's frames as they are encoded, in order, on the encoder's thread. */
@FunctionalInterface
public interface FrameSink {
    FrameSink NONE = (index, frame) -> { };

    void frame(int index, Image frame) throws Exception;
}
