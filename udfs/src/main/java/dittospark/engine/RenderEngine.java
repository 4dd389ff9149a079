package dittospark.engine;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The Ditto offline pipeline over one model set on one device. Long-lived and thread-safe: model
 * sessions load once and are shared; each {@link #render} call runs its own stage threads.
 */
public final class RenderEngine implements AutoCloseable {
    private final Path models;
    private final Path config;
    private final String device;

    private RenderEngine(Builder b) {
        this.models = b.models;
        this.config = b.config;
        this.device = b.device;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Renders one pair; the mp4 appears at the request's output only when complete. */
    public RenderResult render(RenderRequest request, RenderProgress progress) throws RenderException {
        throw new UnsupportedOperationException("render pipeline not assembled yet");
    }

    @Override
    public void close() {
    }

    public static final class Builder {
        private Path models;
        private Path config;
        private String device = "cpu";

        /** The model folder on local disk: {@code ditto_onnx/} and {@code ditto_cfg/} inside. */
        public Builder models(Path models) { this.models = models; return this; }

        /** A config (pickle or JSON) other than the folder's default offline one. */
        public Builder config(Path config) { this.config = config; return this; }

        /** {@code cpu} or {@code cuda:N}; CUDA falls back to CPU with a warning where unavailable. */
        public Builder device(String device) { this.device = device; return this; }

        public RenderEngine build() throws RenderException {
            Objects.requireNonNull(models, "models folder is required");
            if (!device.equals("cpu") && !device.matches("cuda:\\d+")) {
                throw new IllegalArgumentException("device must be cpu or cuda:N, got " + device);
            }
            return new RenderEngine(this);
        }
    }
}
