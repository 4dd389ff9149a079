package dittospark.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What a user names with {@code --device} and {@code --provider} (or the batch job's settings), made a
 * {@link Device}. {@code auto} is, for a Spark task, the GPU Spark gave the task, else the CPU (an executor
 * never takes a GPU the scheduler did not give it); for a command, the first GPU the machine shows when
 * this ONNX Runtime build can drive it, else the CPU.
 */
public final class DeviceChoice {
    public static final String AUTO = "auto";
    public static final String CUDA = "cuda";
    public static final String TENSORRT = "tensorrt";

    private static final Path NVIDIA_GPUS = Path.of("/proc/driver/nvidia/gpus");

    private DeviceChoice() {
    }

    /**
     * The device of a Spark task for {@code device} ({@code auto}, {@code cpu}, {@code cuda:N}) through
     * {@code provider} ({@code cuda} or {@code tensorrt}); {@code taskGpu} is the GPU Spark gave the task.
     *
     * @throws IllegalArgumentException for a device or provider that is not one of those
     */
    public static Device forTask(String device, String provider, OptionalInt taskGpu) {
        return resolve(device, provider, () -> taskGpu.isPresent() ? Device.cuda(taskGpu.getAsInt()) : Device.CPU);
    }

    /** The device of a command ({@code render}, {@code bench}), as {@link #forTask} but for the whole machine. */
    public static Device forProcess(String device, String provider) {
        return resolve(device, provider, () -> machineShowsGpu() && OrtRuntime.hasCuda() ? Device.cuda(0) : Device.CPU);
    }

    private static Device resolve(String device, String provider, Supplier<Device> auto) {
        if (!CUDA.equals(provider) && !TENSORRT.equals(provider)) {
            throw new IllegalArgumentException("provider must be cuda or tensorrt, got '" + provider + "'");
        }
        Device chosen = AUTO.equals(device) ? auto.get() : Device.parse(device);
        boolean wantsTensorRt = TENSORRT.equals(provider) && !chosen.isTensorRt();
        // auto may land on the CPU, which has no TensorRT; an explicit cpu with tensorrt is a mistake
        return wantsTensorRt && (chosen.isCuda() || !AUTO.equals(device)) ? chosen.withTensorRt() : chosen;
    }

    private static boolean machineShowsGpu() {
        String visible = System.getenv("CUDA_VISIBLE_DEVICES");
        if (visible != null && (visible.isBlank() || visible.equals("-1"))) {
            return false;
        }
        if (!Files.isDirectory(NVIDIA_GPUS)) {
            return false;
        }
        try (Stream<Path> gpus = Files.list(NVIDIA_GPUS)) {
            return gpus.findAny().isPresent();
        } catch (IOException e) {
            return false;
        }
    }
}
