package dittospark.runtime;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.providers.OrtCUDAProviderOptions;
import ai.onnxruntime.providers.OrtTensorRTProviderOptions;
import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import dittospark.files.LocalFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The JVM's one ONNX Runtime environment and the way sessions are created in it.
 *
 * <p>The environment owns global intra-op and inter-op thread pools that every session shares, so
 * that several concurrent Spark tasks in one executor do not each spin up a pool per model. The
 * intra-op size is what {@link ModelThreads#request} asked for before the first session (default:
 * available processors); inter-op is 1, as sessions run their graphs sequentially.
 */
final class OrtRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(OrtRuntime.class);

    private static OrtEnvironment environment;
    private static boolean globalPools;
    private static int intraOpThreads = Runtime.getRuntime().availableProcessors();

    private OrtRuntime() {
    }

    static synchronized OrtEnvironment environment() {
        if (environment == null) {
            create();
        }
        return environment;
    }

    /**
     * Sizes the intra-op pool of the environment still to be created; returns the size in force, which
     * an environment already created keeps.
     */
    static synchronized int requestIntraOpThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("intra-op threads must be positive, got " + threads);
        }
        if (environment == null) {
            intraOpThreads = threads;
        }
        return intraOpThreads;
    }

    /** Whether sessions share the environment's global thread pools. */
    static synchronized boolean globalThreadPools() {
        environment();
        return globalPools;
    }

    /** A session created in this environment, the device it runs on, and its TensorRT build if it had one. */
    record OpenedSession(OrtSession session, Device device, Optional<Duration> engineBuild) {
    }

    /** Whether this ONNX Runtime build has the CUDA provider (the GPU artifact, {@code -Pgpu}). */
    static boolean hasCuda() {
        environment();
        return OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA);
    }

    /**
     * Creates the session of model {@code role} from {@code file} on {@code requested}. A GPU device
     * that cannot be used is an error, never a quiet CPU run; nodes the provider lacks still run on the
     * CPU provider, as ONNX Runtime places them.
     *
     * @throws OrtException    when the file cannot be loaded
     * @throws RenderException {@link ErrorKind#DEVICE_UNAVAILABLE} when the device or its provider cannot be used
     */
    static OpenedSession open(String role, Path file, Device requested) throws OrtException, RenderException {
        OrtEnvironment env = environment();
        if (!requested.isCuda()) {
            try (OrtSession.SessionOptions options = sessionOptions()) {
                return new OpenedSession(env.createSession(file.toString(), options), Device.CPU, Optional.empty());
            }
        }
        OrtProvider provider = requested.isTensorRt() ? OrtProvider.TENSOR_RT : OrtProvider.CUDA;
        if (!OrtEnvironment.getAvailableProviders().contains(provider)) {
            throw new RenderException(ErrorKind.DEVICE_UNAVAILABLE, role + ": " + requested + " requested but this"
                    + " ONNX Runtime build (" + env.getVersion() + ") has no " + provider + " provider (it has "
                    + OrtEnvironment.getAvailableProviders() + "); GPU executors need the GPU build (mvn -Pgpu)");
        }
        try (OrtSession.SessionOptions options = sessionOptions()) {
            long start = System.nanoTime();
            boolean builds = requested.isTensorRt() && addTensorRt(options, role, file, requested.index(),
                    env.getVersion());
            // after TensorRT, CUDA takes the nodes TensorRT leaves
            try (OrtCUDAProviderOptions cuda = cudaOptions(requested.index())) {
                options.addCUDA(cuda);
            }
            OrtSession session = env.createSession(file.toString(), options);
            Optional<Duration> took = builds ? Optional.of(Duration.ofNanos(System.nanoTime() - start))
                    : Optional.empty();
            took.ifPresent(d -> LOG.info("{}: TensorRT engine built in {} s on first use", role,
                    String.format(Locale.ROOT, "%.1f", d.toMillis() / 1e3)));
            return new OpenedSession(session, requested, took);
        } catch (OrtException e) {
            throw deviceOrModel(role, file, requested, e);
        }
    }

    /**
     * Tells a device failure (a provider library that does not load, no GPU) from a model the CPU cannot
     * load either: only the second is the model's fault.
     */
    private static RenderException deviceOrModel(String role, Path file, Device requested, OrtException e)
            throws OrtException {
        try (OrtSession.SessionOptions options = sessionOptions();
             OrtSession loadsOnTheCpu = environment().createSession(file.toString(), options)) {
            return new RenderException(ErrorKind.DEVICE_UNAVAILABLE, role + ": " + requested + " cannot run it: "
                    + e.getMessage(), e);
        }
    }

    /** Adds the TensorRT provider; returns whether the session about to open builds its engine. */
    private static boolean addTensorRt(OrtSession.SessionOptions options, String role, Path file, int device,
                                       String ortVersion) throws OrtException, RenderException {
        TensorRtEngines engines = TensorRtEngines.local();
        String gpu = GpuFacts.gpuName(device);
        String trt = GpuFacts.tensorRtVersion();
        try {
            String key = TensorRtEngines.cacheKey(LocalFiles.sha256Hex(file), gpu, ortVersion, trt);
            Path folder = engines.engineFolder(key);
            Path timing = engines.timingFolder(gpu, trt);
            boolean built = TensorRtEngines.built(folder);
            Files.createDirectories(folder);
            Files.createDirectories(timing);
            try (OrtTensorRTProviderOptions trtOptions = new OrtTensorRTProviderOptions(device)) {
                for (Map.Entry<String, String> o : TensorRtEngines.options(role, device, folder, timing).entrySet()) {
                    trtOptions.add(o.getKey(), o.getValue());
                }
                options.addTensorrt(trtOptions);
            }
            return !built;
        } catch (IOException e) {
            throw new RenderException(ErrorKind.DEVICE_UNAVAILABLE, role + ": no room for TensorRT engines on local"
                    + " disk (" + e.getMessage() + ")", e);
        }
    }

    private static OrtSession.SessionOptions sessionOptions() throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        try {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            // same inputs and seed must give the same frames, on every run and every executor
            options.setDeterministicCompute(true);
            if (globalThreadPools()) {
                options.disablePerSessionThreads();
            } else {
                options.setIntraOpNumThreads(intraOpThreads);
                options.setInterOpNumThreads(1);
                options.addConfigEntry("session.intra_op.allow_spinning", "0");
            }
            return options;
        } catch (OrtException | RuntimeException e) {
            options.close();
            throw e;
        }
    }

    private static OrtCUDAProviderOptions cudaOptions(int deviceId) throws OrtException {
        OrtCUDAProviderOptions cuda = new OrtCUDAProviderOptions(deviceId);
        try {
            // heuristic search picks an algorithm without timing them all: fast start, no run-to-run drift
            cuda.add("cudnn_conv_algo_search", "HEURISTIC");
            cuda.add("cudnn_conv_use_max_workspace", "1");
            // several models share the device: grow the arena by what is asked, not by doubling
            cuda.add("arena_extend_strategy", "kSameAsRequested");
            cuda.add("do_copy_in_default_stream", "1");
            // full float32 like the reference, rather than TF32 matrix products
            cuda.add("use_tf32", "0");
            return cuda;
        } catch (OrtException | RuntimeException e) {
            cuda.close();
            throw e;
        }
    }

    private static void create() {
        OrtNatives.install();
        int intra = intraOpThreads;
        int inter = 1;
        try (OrtEnvironment.ThreadingOptions threading = new OrtEnvironment.ThreadingOptions()) {
            threading.setGlobalIntraOpNumThreads(intra);
            threading.setGlobalInterOpNumThreads(inter);
            // an idle pool thread that spins takes a core from the frame stages, the encoder and other rows
            threading.setGlobalSpinControl(false);
            environment = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING, "dittospark",
                    threading);
            globalPools = true;
        } catch (OrtException e) {
            throw new IllegalStateException("cannot set up ONNX Runtime thread pools", e);
        } catch (IllegalStateException alreadyCreated) {
            // another library in this JVM created the environment first, without global pools
            LOG.warn("ONNX Runtime environment already exists; sessions get their own thread pools ({})",
                    alreadyCreated.getMessage());
            environment = OrtEnvironment.getEnvironment();
            globalPools = false;
        }
        LOG.info("ONNX Runtime {}: {} intra-op and {} inter-op threads{}", environment.getVersion(), intra, inter,
                globalPools ? " shared by all sessions" : " per session");
    }
}
