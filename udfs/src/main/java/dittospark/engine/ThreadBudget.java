package dittospark.engine;

import dittospark.image.ImageOps;
import dittospark.runtime.ModelThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the cores of a JVM are divided between the pools that render: ONNX Runtime's intra-op pool and
 * OpenCV's pool, one each for the whole JVM, and per row x264's threads and the workers of the frame
 * stages. Left alone, each of them sizes itself to every core, and on a small machine their threads
 * take turns on the same cores.
 *
 * <p>{@code rows} renders run at once (Spark's task slots of an executor), each with its share of
 * {@code cores / rows} threads, so that rows times their share never exceed the cores. ONNX Runtime's
 * pool is sized to all of the cores: it is one pool per JVM, which every row's runs feed, so it does
 * not grow with the rows, and a row whose stages wait can leave its cores to another row's runs. Its
 * threads sleep when idle instead of spinning on cores the other pools need. Within a row, put back
 * (plain Java over the face's pixels, the longest stage on large frames) splits its rows over a thread
 * per core of the share; warp and decode, whose runs already spread over ONNX Runtime's pool, get half
 * as many workers; x264 and OpenCV (crops and resizes) get the share.
 *
 * @param cores          the cores of the JVM (an executor's, or what {@code --threads} says)
 * @param rows           how many renders run at once, at most {@code cores}
 * @param modelThreads   ONNX Runtime's intra-op threads, for the JVM
 * @param opencvThreads  OpenCV's threads, for the JVM
 * @param encoderThreads x264's threads, per row
 * @param warpWorkers    workers of the warp stage, per row
 * @param decodeWorkers  workers of the decode stage, per row
 * @param putBackThreads threads of the put-back stage's row strips, per row
 */
public record ThreadBudget(int cores, int rows, int modelThreads, int opencvThreads, int encoderThreads,
                           int warpWorkers, int decodeWorkers, int putBackThreads) {
    private static final Logger LOG = LoggerFactory.getLogger(ThreadBudget.class);
    private static ThreadBudget installed;

    /** The split of {@code cores} between {@code rows} renders running at once. */
    public static ThreadBudget split(int cores, int rows) {
        if (cores < 1 || rows < 1 || rows > cores) {
            throw new IllegalArgumentException("a budget needs 1 <= rows <= cores, got " + rows + " rows on "
                    + cores + " cores");
        }
        int share = cores / rows;
        int modelStageWorkers = Math.max(1, share / 2);
        return new ThreadBudget(cores, rows, cores, share, share, modelStageWorkers, modelStageWorkers, share);
    }

    /** The split of {@code threads} for one render at a time: the {@code --threads} of the commands. */
    public static ThreadBudget forOneRow(int threads) {
        return split(threads, 1);
    }

    /**
     * Makes {@code budget} the JVM's: sizes ONNX Runtime's pool (only before the first model session
     * exists; it keeps its size after that) and OpenCV's, and logs the split when it changes.
     */
    public static synchronized void install(ThreadBudget budget) {
        if (budget.equals(installed)) {
            return;
        }
        int models = ModelThreads.request(budget.modelThreads());
        ImageOps.useThreads(budget.opencvThreads());
        installed = budget;
        LOG.info("threads: {} cores for {} row(s) at once; ONNX Runtime {}{}, OpenCV {}, and per row x264 {}, "
                        + "warp {} and decode {} worker(s), put back {} thread(s)", budget.cores(), budget.rows(), models,
                models == budget.modelThreads() ? "" : " (made before, of " + budget.modelThreads() + " asked)",
                budget.opencvThreads(), budget.encoderThreads(), budget.warpWorkers(), budget.decodeWorkers(),
                budget.putBackThreads());
    }

    /** The JVM's budget: the one installed, else the available processors for one row, installed now. */
    static synchronized ThreadBudget jvm() {
        if (installed == null) {
            install(forOneRow(Runtime.getRuntime().availableProcessors()));
        }
        return installed;
    }
}
