package dittospark.engine;

import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** One (source, audio) pair to render into one mp4, all on local disk. */
public final class RenderRequest {
    /** numpy's legacy generator takes 32-bit unsigned seeds; so does ours, to stay comparable. */
    public static final long MAX_SEED = 0xFFFF_FFFFL;

    private final Path source;
    private final Path audio;
    private final Path output;
    private final RenderOptions options;
    private final long seed;
    private final Path live;

    private RenderRequest(Builder b) {
        this.source = b.source;
        this.audio = b.audio;
        this.output = b.output;
        this.options = b.options;
        this.seed = b.seed;
        this.live = b.live;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Path source() { return source; }
    public Path audio() { return audio; }
    public Path output() { return output; }
    public RenderOptions options() { return options; }
    public long seed() { return seed; }
    /** The folder the video is also written to as it is encoded (HLS playlist and segments), if any. */
    public Optional<Path> live() { return Optional.ofNullable(live); }

    public static final class Builder {
        private Path source;
        private Path audio;
        private Path output;
        private RenderOptions options = RenderOptions.none();
        private long seed;
        private Path live;

        public Builder source(Path source) { this.source = source; return this; }
        public Builder audio(Path audio) { this.audio = audio; return this; }
        public Builder output(Path output) { this.output = output; return this; }
        public Builder options(RenderOptions options) { this.options = Objects.requireNonNull(options, "options"); return this; }
        public Builder seed(long seed) { this.seed = seed; return this; }
        public Builder live(Path live) { this.live = live; return this; }

        public RenderRequest build() throws RenderException {
            Objects.requireNonNull(source, "source is required");
            Objects.requireNonNull(audio, "audio is required");
            Objects.requireNonNull(output, "output is required");
            if (seed < 0 || seed > MAX_SEED) {
                throw new RenderException(ErrorKind.BAD_OPTION, "seed must be in [0, " + MAX_SEED + "], got " + seed);
            }
            return new RenderRequest(this);
        }
    }
}
