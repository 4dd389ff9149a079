package dittospark.runtime;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.providers.OrtCUDAProviderOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

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

    /** A session created in this environment, and the device it actually runs on. */
    record OpenedSession(OrtSession session, Device device) {
    }

    /**
     * Creates a session for {@code file} on {@code requested}. CUDA is used when this ONNX Runtime
     * build has it and the device accepts the session; otherwise the session runs on the CPU and a
     * warning says why. Nodes the CUDA provider lacks (5-D GridSample) still run on the CPU provider.
     *
     * @throws OrtException when the file cannot be loaded even on the CPU
     */
    static OpenedSession open(Path file, Device requested) throws OrtException {
        OrtEnvironment env = environment();
        if (requested.isCuda()) {
            if (!OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)) {
                LOG.warn("{}: {} requested but this ONNX Runtime build has no CUDA provider; running on cpu",
                        file.getFileName(), requested);
            } else {
                try (OrtSession.SessionOptions options = sessionOptions();
                     OrtCUDAProviderOptions cuda = cudaOptions(requested.index())) {
                    options.addCUDA(cuda);
                    return new OpenedSession(env.createSession(file.toString(), options), requested);
                } catch (OrtException e) {
                    LOG.warn("{}: {} is not usable ({}); running on cpu", file.getFileName(), requested,
                            e.getMessage());
                }
            }
        }
        try (OrtSession.SessionOptions options = sessionOptions()) {
            return new OpenedSession(env.createSession(file.toString(), options), Device.CPU);
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
