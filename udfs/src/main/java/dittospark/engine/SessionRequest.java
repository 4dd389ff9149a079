package dittospark.engine;

import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A streaming render ({@link RenderEngine#openSession}): the source, options and seed as for a file
 * render, and where the frames go, at least one of: the mp4 published when the session finishes, a live
 * folder written as it goes, a sink that sees every frame. Without an mp4 the result has no bytes and
 * no digest; without an mp4 and a live folder the frames are not encoded at all. The audio comes later,
 * pushed to the session.
 */
public final class SessionRequest {
    private final Path source;
    private final Path output;
    private final Path live;
    private final FrameSink sink;
    private final RenderOptions options;
    private final long seed;
    private final int expectedFrames;

    private SessionRequest(Builder b) {
        this.source = b.source;
        this.output = b.output;
        this.live = b.live;
        this.sink = b.sink;
        this.options = b.options;
        this.seed = b.seed;
        this.expectedFrames = b.expectedFrames;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Path source() { return source; }
    public Optional<Path> output() { return Optional.ofNullable(output); }
    public Optional<Path> live() { return Optional.ofNullable(live); }
    public FrameSink sink() { return sink; }
    public RenderOptions options() { return options; }
    public long seed() { return seed; }

    /**
     * The frame count where the whole recording is known before it is pushed, -1 otherwise: blinks are
     * then spread over it, and {@code fade_out} can end it, as in a file render.
     */
    int expectedFrames() { return expectedFrames; }

    public static final class Builder {
        private Path source;
        private Path output;
        private Path live;
        private FrameSink sink = FrameSink.NONE;
        private RenderOptions options = RenderOptions.none();
        private long seed;
        private int expectedFrames = -1;

        public Builder source(Path source) { this.source = source; return this; }
        public Builder output(Path output) { this.output = output; return this; }
        public Builder live(Path live) { this.live = live; return this; }
        public Builder sink(FrameSink sink) { this.sink = Objects.requireNonNull(sink, "sink"); return this; }
        public Builder options(RenderOptions options) { this.options = Objects.requireNonNull(options, "options"); return this; }
        public Builder seed(long seed) { this.seed = seed; return this; }
        Builder expectedFrames(int frames) { this.expectedFrames = frames; return this; }

        public SessionRequest build() throws RenderException {
            Objects.requireNonNull(source, "source is required");
            if (output == null && live == null && sink == FrameSink.NONE) {
                throw new IllegalArgumentException("a session needs an output, a live folder or a frame sink");
            }
            if (seed < 0 || seed > RenderRequest.MAX_SEED) {
                throw new RenderException(ErrorKind.BAD_OPTION, "seed must be in [0, " + RenderRequest.MAX_SEED
                        + "], got " + seed);
            }
            return new SessionRequest(this);
        }
    }
}
