package dittospark.runtime;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the machine says about its GPUs and GPU libraries, read from files rather than from a
 * driver call: the name of a GPU (the driver's {@code /proc} entries, in PCI bus order) and the
 * version of the TensorRT library on the library path. Both name TensorRT engine caches.
 */
final class GpuFacts {
    static final String UNKNOWN = "unknown";
    private static final Path NVIDIA_GPUS = Path.of("/proc/driver/nvidia/gpus");
    private static final Pattern MODEL = Pattern.compile("(?m)^Model:\\s*(.+?)\\s*$");
    private static final Pattern NVINFER = Pattern.compile("libnvinfer\\.so\\.(\\d+(?:\\.\\d+)*)");

    private GpuFacts() {
    }

    /** The model name of GPU {@code index}, e.g. "NVIDIA H200"; {@link #UNKNOWN} where the driver does not say. */
    static String gpuName(int index) {
        if (!Files.isDirectory(NVIDIA_GPUS)) {
            return UNKNOWN;
        }
        try (Stream<Path> gpus = Files.list(NVIDIA_GPUS)) {
            List<Path> sorted = gpus.sorted().toList();
            if (index >= sorted.size()) {
                return UNKNOWN;
            }
            Matcher m = MODEL.matcher(Files.readString(sorted.get(index).resolve("information")));
            return m.find() ? m.group(1) : UNKNOWN;
        } catch (IOException e) {
            return UNKNOWN;
        }
    }

    /** The fullest version of {@code libnvinfer.so} on the library path, e.g. "10.3.0"; {@link #UNKNOWN} if none. */
    static String tensorRtVersion() {
        List<String> dirs = new ArrayList<>();
        Optional.ofNullable(System.getenv("LD_LIBRARY_PATH"))
                .ifPresent(v -> dirs.addAll(List.of(v.split(File.pathSeparator))));
        dirs.addAll(List.of(System.getProperty("java.library.path", "").split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/lib/x86_64-linux-gnu", "/usr/local/lib", "/usr/lib64"));
        return newestLibrary(dirs).orElse(UNKNOWN);
    }

    /** The longest version among the {@code libnvinfer.so.*} files in {@code dirs}, the first dir winning ties. */
    static Optional<String> newestLibrary(List<String> dirs) {
        String best = null;
        for (String dir : dirs) {
            if (dir.isBlank() || !Files.isDirectory(Path.of(dir))) {
                continue;
            }
            try (Stream<Path> files = Files.list(Path.of(dir))) {
                for (Path f : files.toList()) {
                    Matcher m = NVINFER.matcher(f.getFileName().toString());
                    if (m.matches() && (best == null || m.group(1).length() > best.length())) {
                        best = m.group(1);
                    }
                }
            } catch (IOException e) {
                // an unreadable folder on the path holds nothing we can use
            }
        }
        return Optional.ofNullable(best);
    }
}
