package dittospark.runtime;

/**
 * The size of ONNX Runtime's intra-op thread pool: one pool for the whole JVM, which every model
 * session and so every render of the JVM shares.
 */
public final class ModelThreads {
    private ModelThreads() {
    }

    /**
     * Asks for {@code threads} intra-op threads. The pool is made with the JVM's first model session,
     * so a request after that changes nothing; returns the size in force.
     */
    public static int request(int threads) {
        return OrtRuntime.requestIntraOpThreads(threads);
    }
}
