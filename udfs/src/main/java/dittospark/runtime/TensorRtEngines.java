package dittospark.runtime;

import dittospark.files.LocalFiles;
import dittospark.files.ScratchSpace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How the TensorRT provider builds and keeps its engines on an executor: on local disk, one folder
 * per model file, GPU and ONNX Runtime and TensorRT versions (an engine is valid for exactly those),
 * beside one timing cache per GPU and TensorRT version that speeds up every later build. Precision
 * follows the release's own TensorRT builds: FP32 for the speech encoder, the LMDM and the motion
 * extractor, whose outputs feed long recurrences or the pose, FP16 for the rest.
 */
final class TensorRtEngines {
    static final Set<String> FP32_ROLES = Set.of("hubert", "lmdm_v0.4_hubert", "motion_extractor");
    /** Enough for the decoder's largest tactic at 512x512; TensorRT takes less where it can. */
    static final long WORKSPACE_BYTES = 4L << 30;

    private final Path root;

    TensorRtEngines(Path root) {
        this.root = root;
    }

    /** The executor's engines, in its scratch space. */
    static TensorRtEngines local() {
        return new TensorRtEngines(ScratchSpace.root().resolve("tensorrt"));
    }

    static boolean fp16(String role) {
        return !FP32_ROLES.contains(role);
    }

    /** The folder name of one model's engines: a digest of everything an engine is only valid for. */
    static String cacheKey(String modelSha256, String gpuName, String ortVersion, String tensorRtVersion) {
        MessageDigest sha = LocalFiles.sha256();
        String text = "model=" + modelSha256 + ";gpu=" + gpuName + ";ort=" + ortVersion + ";trt=" + tensorRtVersion;
        return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 24);
    }

    Path engineFolder(String cacheKey) {
        return root.resolve("engines").resolve(cacheKey);
    }

    Path timingFolder(String gpuName, String tensorRtVersion) {
        return root.resolve("timing").resolve(cacheKey("-", gpuName, "-", tensorRtVersion));
    }

    /** Whether an engine was built into {@code folder} before: else the session about to open builds it. */
    static boolean built(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (var files = Files.list(folder)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".engine"));
        }
    }

    /** The provider options for {@code role} on GPU {@code device}, caching into the given folders. */
    static Map<String, String> options(String role, int device, Path engines, Path timing) {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("device_id", Integer.toString(device));
        o.put("trt_max_workspace_size", Long.toString(WORKSPACE_BYTES));
        o.put("trt_fp16_enable", fp16(role) ? "1" : "0");
        o.put("trt_engine_cache_enable", "1");
        o.put("trt_engine_cache_path", engines.toString());
        o.put("trt_timing_cache_enable", "1");
        o.put("trt_timing_cache_path", timing.toString());
        return o;
    }
}
