package dittospark.udf;

import dittospark.engine.EngineRegistry;
import dittospark.engine.LocalModels;
import dittospark.engine.RenderEngine;
import dittospark.engine.RenderProgress;
import dittospark.engine.ThreadBudget;
import dittospark.errors.RenderException;
import dittospark.files.ScratchSpace;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a Spark task renders on its executor: on the GPU Spark assigned to the task, else the CPU, within
 * the executor's {@link ThreadBudget}, with the executor's local copy of the model set and its engine, both kept by the JVM's
 * {@link EngineRegistry}, so that models load once per executor and device however many tasks,
 * partitions or UDF calls use them.
 */
public final class ExecutorRendering {
    /** Where executors keep their copies of remote model sets. */
    public static final Path MODEL_CACHE = ScratchSpace.root().resolve("models");

    private ExecutorRendering() {
    }

    /** {@code cuda:N} for the first GPU address Spark gave {@code task}, else {@code cpu}. */
    public static String device(TaskContext task) {
        ResourceInformation gpu = task == null ? null : task.resourcesJMap().get("gpu");
        return gpu == null || gpu.addresses().length == 0 ? "cpu" : "cuda:" + gpu.addresses()[0];
    }

    /**
     * The threads of the executor's renders: its cores (spark.executor.cores, else the processors the
     * JVM sees), divided between as many rows as run at once, {@code spark.task.cpus} threads each.
     */
    public static ThreadBudget threadBudget(TaskContext task) {
        int cores = SparkEnv.get().conf().getInt("spark.executor.cores", Runtime.getRuntime().availableProcessors());
        int taskCpus = task == null ? 1 : Math.max(1, task.cpus());
        return ThreadBudget.split(cores, Math.max(1, cores / taskCpus));
    }

    /**
     * A row renderer for the current task. When the model set cannot be used, every row that would
     * render fails with the model set's problem; rows whose output exists still skip.
     *
     * @param work   local folder for the rows' temporary files
     * @param run    the run's id, in the names of files being published
     * @param onLoad called with "executor/device" when a render of this task loaded the engine
     * @param deadline how long one row may take
     */
    public static RowRenderer rowRenderer(String modelsUri, Configuration conf, Path work, boolean overwrite,
                                          String run, java.util.function.Consumer<String> onLoad, Duration deadline) {
        TaskContext task = TaskContext.get();
        String device = device(task);
        String executor = SparkEnv.get().executorId();
        ThreadBudget.install(threadBudget(task));
        Integer attempt = task == null ? null : task.attemptNumber();
        try {
            EngineRegistry registry = EngineRegistry.jvm();
            LocalModels models = localModels(registry, modelsUri, conf);
            ResultRow.Place place = new ResultRow.Place(modelsUri, models.hash(), device, executor, attempt);
            return new RowRenderer(request -> {
                EngineRegistry.Lease lease = registry.engine(models.folder(), null, device);
                if (lease.loaded()) {
                    onLoad.accept(executor + "/" + device);
                }
                return lease.engine().render(request, RenderProgress.NONE);
            }, conf, work, overwrite, run, place, deadline);
        } catch (RenderException e) {
            ResultRow.Place place = new ResultRow.Place(modelsUri, null, device, executor, attempt);
            return new RowRenderer(request -> {
                throw e;
            }, conf, work, overwrite, run, place, deadline);
        }
    }

    /** The executor's engine over the model set at {@code modelsUri}, on the current task's device. */
    public static RenderEngine engine(String modelsUri, Configuration conf) throws RenderException {
        EngineRegistry registry = EngineRegistry.jvm();
        LocalModels models = localModels(registry, modelsUri, conf);
        ThreadBudget.install(threadBudget(TaskContext.get()));
        return registry.engine(models.folder(), null, device(TaskContext.get())).engine();
    }

    private static LocalModels localModels(EngineRegistry registry, String modelsUri, Configuration conf)
            throws RenderException {
        return registry.localModels(modelsUri, uri -> new ModelFolderCache(MODEL_CACHE).local(uri, conf));
    }
}
