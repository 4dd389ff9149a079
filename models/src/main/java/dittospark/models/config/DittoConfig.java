package dittospark.models.config;

import dittospark.models.ModelContracts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Ditto release config ({@code ditto_cfg/*.pkl}, or the same dict as JSON): {@code base_cfg}
 * (one entry per model), {@code audio2motion_cfg} and {@code default_kwargs}, the defaults of every
 * render option.
 *
 * <p>Values are normalised: dicts are ordered maps, tuples lists, integers Long, floats Double,
 * numpy arrays {@link NdArray} (nested lists in the JSON form). The engine reads the values through
 * {@link #toJson}.
 */
public final class DittoConfig {
    public static final String BASE_CFG = "base_cfg";
    public static final String AUDIO2MOTION_CFG = "audio2motion_cfg";
    public static final String DEFAULT_KWARGS = "default_kwargs";

    private static final String MODEL_PATH = "model_path";
    private static final String ONNX = ".onnx";

    private final Map<String, Object> raw;

    private DittoConfig(Map<String, Object> raw) {
        this.raw = raw;
    }

    /**
     * Reads a pickle or JSON config: {@code .json} files and files starting with <code>{</code> are
     * JSON, everything else a pickle.
     *
     * @throws IOException when the file cannot be read, does not parse, or lacks a top-level key
     */
    public static DittoConfig read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such config file");
        }
        byte[] bytes = Files.readAllBytes(file);
        boolean json = isJson(file, bytes);
        Object value;
        try {
            value = json ? ConfigJson.read(bytes) : ConfigValues.normalize(NumpyPickle.load(bytes), "config");
        } catch (IOException | RuntimeException e) {
            // a damaged pickle surfaces as whichever runtime exception the unpickler hits first
            throw new IOException(file + " is not a readable " + (json ? "JSON" : "pickle") + " config: "
                    + e.getMessage(), e);
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new IOException(file + " does not hold a dict but " + describe(value));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> top = (Map<String, Object>) value;
        for (String key : ModelContracts.release().configKeys()) {
            if (!(top.get(key) instanceof Map<?, ?>)) {
                throw new IOException(file + " has no '" + key + "' dict (top-level keys: " + top.keySet() + ")");
            }
        }
        return new DittoConfig(top);
    }

    private static boolean isJson(Path file, byte[] bytes) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return true;
        }
        if (name.endsWith(".pkl") || name.endsWith(".pickle")) {
            return false;
        }
        for (byte b : bytes) {
            if (!Character.isWhitespace(b)) {
                return b == '{';
            }
        }
        return false;
    }

    /** The whole config, unmodifiable. */
    public Map<String, Object> raw() {
        return raw;
    }

    /** One entry per model: {@code <name>_cfg} dicts with {@code model_path} and device settings. */
    public Map<String, Object> baseCfg() {
        return section(BASE_CFG);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> section(String key) {
        return (Map<String, Object>) raw.get(key);
    }

    /** Pretty JSON with numpy arrays as nested lists: the JSON form {@link #read} accepts. */
    public String toJson() {
        return ConfigJson.write(raw);
    }

    /**
     * The ONNX file of a model: the {@code model_path} of its {@code base_cfg} entry when that names
     * an existing {@code .onnx} file, else the release layout's {@code ditto_onnx/<role>.onnx}. A
     * relative {@code model_path} is looked up under {@code modelDir}, then beside the release
     * layout's file (Ditto resolves it against the folder of the model files). The release configs
     * point at TensorRT engines or PyTorch checkpoints, so the fallback is the usual case.
     */
    public Path modelFile(Path modelDir, String role) {
        Path standard = modelDir.resolve(ModelContracts.release().model(role).file());
        for (String configured : configuredPaths(role)) {
            if (!configured.toLowerCase(Locale.ROOT).endsWith(ONNX)) {
                continue;
            }
            for (Path candidate : List.of(modelDir.resolve(configured), standard.resolveSibling(configured))) {
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
        }
        return standard;
    }

    /** {@code <role>_cfg.model_path}, and {@code <role>_model_path} of any entry (landmark478_cfg names two models). */
    private List<String> configuredPaths(String role) {
        List<String> out = new ArrayList<>();
        baseCfg().forEach((entry, settings) -> {
            if (settings instanceof Map<?, ?> m) {
                Object path = entry.equals(role + "_cfg") ? m.get(MODEL_PATH) : m.get(role + "_" + MODEL_PATH);
                if (path instanceof String s && !s.isEmpty()) {
                    out.add(s);
                }
            }
        });
        return out;
    }

    private static String describe(Object v) {
        return v == null ? "None" : v instanceof String s ? "'" + s + "'" : v.toString();
    }

    /** Two configs are equal when they hold the same values, an array being equal to its nested lists. */
    @Override
    public boolean equals(Object o) {
        return o instanceof DittoConfig other && ConfigValues.plain(raw).equals(ConfigValues.plain(other.raw));
    }

    @Override
    public int hashCode() {
        return ConfigValues.plain(raw).hashCode();
    }

    @Override
    public String toString() {
        return "DittoConfig" + raw.keySet();
    }
}
