package dittospark.engine;

import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import dittospark.runtime.DeviceChoice;
import picocli.CommandLine.Option;

/**
 * The {@code --device}, {@code --provider}, {@code --compose} and {@code --batch} flags of the commands
 * that render.
 */
final class DeviceOptions {
    @Option(names = "--device", defaultValue = "cpu", description = "auto, cpu or cuda:N; auto is the first GPU when "
            + "this build can drive it, else the CPU (default: ${DEFAULT-VALUE})")
    String device;

    @Option(names = "--provider", defaultValue = "cuda", description = "on a GPU: cuda or tensorrt (engines cached "
            + "on local disk, built on first use) (default: ${DEFAULT-VALUE})")
    String provider;

    @Option(names = "--compose", defaultValue = "auto", description = "run the warp and the decoder as one composed "
            + "graph: auto (on GPUs), on or off (default: ${DEFAULT-VALUE})")
    String compose;

    @Option(names = "--batch", defaultValue = "1", description = "frames per call of the warp and decoder where "
            + "the models take a batch; models that pin it run one (default: ${DEFAULT-VALUE})")
    int batch;

    /** The {@code --batch} frames per call. */
    int batch() throws RenderException {
        if (batch < 1) {
            throw new RenderException(ErrorKind.BAD_OPTION, "--batch must be at least 1, got " + batch);
        }
        return batch;
    }

    Composition composition() throws RenderException {
        try {
            return Composition.parse(compose);
        } catch (IllegalArgumentException e) {
            throw new RenderException(ErrorKind.BAD_OPTION, e.getMessage());
        }
    }

    /** The device as the engine registry names it: {@code cpu}, {@code cuda:N} or {@code tensorrt:N}. */
    String resolved() throws RenderException {
        try {
            return DeviceChoice.forProcess(device, provider).toString();
        } catch (IllegalArgumentException e) {
            throw new RenderException(ErrorKind.BAD_OPTION, e.getMessage());
        }
    }
}
