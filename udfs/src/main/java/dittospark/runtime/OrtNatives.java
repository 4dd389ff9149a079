package dittospark.runtime;

import dittospark.files.LocalFiles;
import dittospark.files.ScratchSpace;
import dittospark.files.StagedFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ONNX Runtime's native libraries, unpacked once per user and build into the scratch space instead
 * of into a new temporary folder per JVM: ONNX Runtime deletes its folder only on a normal exit, so
 * every killed executor would leave about 22 MB behind in the temp folder.
 */
final class OrtNatives {
    /** ONNX Runtime's own switch: load the libraries from this folder instead of unpacking them. */
    static final String PATH_PROPERTY = "onnxruntime.native.path";
    private static final String RESOURCES = "/ai/onnxruntime/native/";
    private static final String JNI = "libonnxruntime4j_jni.so";
    /** The runtime, its JNI glue, and the provider libraries the GPU build adds. */
    private static final List<String> LIBRARIES = List.of("libonnxruntime.so", JNI,
            "libonnxruntime_providers_shared.so", "libonnxruntime_providers_cuda.so",
            "libonnxruntime_providers_tensorrt.so");
    private static final Logger LOG = LoggerFactory.getLogger(OrtNatives.class);

    private OrtNatives() {
    }

    /**
     * Points ONNX Runtime at a folder holding this class path's libraries, unpacking them on first
     * use. Leaves a folder the user chose alone; on any failure ONNX Runtime unpacks as usual.
     */
    static void install() {
        if (System.getProperty(PATH_PROPERTY) != null
                || !System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")) {
            return;
        }
        String arch = System.getProperty("os.arch");
        String folder = RESOURCES + "linux-" + (arch.equals("amd64") ? "x64" : arch) + "/";
        try {
            Map<String, URL> libraries = new LinkedHashMap<>();
            for (String name : LIBRARIES) {
                URL url = OrtNatives.class.getResource(folder + name);
                if (url != null) {
                    libraries.put(name, url);
                }
            }
            if (!libraries.containsKey(JNI)) {
                return;
            }
            Path target = ScratchSpace.shared("native").resolve("onnxruntime-" + buildKey(libraries));
            if (!Files.isDirectory(target)) {
                unpack(libraries, target);
            }
            System.setProperty(PATH_PROPERTY, target.toString());
        } catch (IOException e) {
            LOG.warn("cannot unpack ONNX Runtime's libraries for all runs; it unpacks them itself: {}", e.toString());
        }
    }

    /**
     * Names a build without reading hundreds of megabytes of GPU libraries at every start: the JNI glue
     * is compiled per release and build, the sizes tell the rest apart.
     */
    private static String buildKey(Map<String, URL> libraries) throws IOException {
        MessageDigest sha = LocalFiles.sha256();
        for (Map.Entry<String, URL> library : libraries.entrySet()) {
            URLConnection connection = library.getValue().openConnection();
            sha.update((library.getKey() + "=" + connection.getContentLengthLong() + ";").getBytes(StandardCharsets.UTF_8));
            try (InputStream in = connection.getInputStream()) {
                if (library.getKey().equals(JNI)) {
                    sha.update(in.readAllBytes());
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    }

    /** Unpacks beside the target and renames, so that a concurrent JVM sees all of the folder or none. */
    private static void unpack(Map<String, URL> libraries, Path target) throws IOException {
        StagedFolder.write(target, staging -> {
            for (Map.Entry<String, URL> library : libraries.entrySet()) {
                try (InputStream in = library.getValue().openStream()) {
                    Files.copy(in, staging.resolve(library.getKey()));
                }
            }
        });
    }
}
