package dittospark.udf;

import dittospark.engine.Composition;
import dittospark.engine.EngineRegistry;
import dittospark.engine.LocalModels;
import dittospark.engine.RenderEngine;
import dittospark.engine.RenderProgress;
import dittospark.engine.ThreadBudget;
import dittospark.errors.RenderException;
import dittospark.errors.ErrorKind;
import dittospark.files.ScratchSpace;
import dittospark.runtime.DeviceChoice;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;

import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;

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

    /** The device a job may name for its renders: auto (the default), cpu or cuda:N. */
    public static final String DEVICE_CONF = "spark.dittospark.device";
    /** The provider of GPU renders: cuda (the default) or tensorrt. */
    public static final String PROVIDER_CONF = "spark.dittospark.provider";
    /** Frames per call of the warp and decoder where the models take a batch: 1 (the default) or more. */
    public static final String BATCH_CONF = "spark.dittospark.batch";

    /**
     * The device of {@code task}'s renders, as {@link #DEVICE_CONF} and {@link #PROVIDER_CONF} name it
     * (a local property of the job, which a driver thread sets with {@code setLocalProperty}, before the
     * Spark conf): by default the first GPU address Spark gave the task, else the CPU.
     *
     * @throws IllegalArgumentException when the settings name no device
     */
    public static String device(TaskContext task) {
        ResourceInformation gpu = task == null ? null : task.resourcesJMap().get("gpu");
        OptionalInt taskGpu = gpu == null || gpu.addresses().length == 0 ? OptionalInt.empty()
                : OptionalInt.of(Integer.parseInt(gpu.addresses()[0]));
        return DeviceChoice.forTask(setting(task, DEVICE_CONF, DeviceChoice.AUTO),
                setting(task, PROVIDER_CONF, DeviceChoice.CUDA), taskGpu).toString();
    }

    private static String setting(TaskContext task, String key, String fallback) {
        String local = task == null ? null : task.getLocalProperty(key);
        if (local != null) {
            return local;
        }
        SparkEnv env = SparkEnv.get();
        return env == null ? fallback : env.conf().get(key, fallback);
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
        String executor = SparkEnv.get().executorId();
        ThreadBudget.install(threadBudget(task));
        Integer attempt = task == null ? null : task.attemptNumber();
        try {
            String device = chosenDevice(task);
            int batch = batch(task);
            EngineRegistry registry = EngineRegistry.jvm();
            LocalModels models = localModels(registry, modelsUri, conf);
            ResultRow.Place place = new ResultRow.Place(modelsUri, models.hash(), device, executor, attempt);
            return new RowRenderer(request -> {
                EngineRegistry.Lease lease = registry.engine(models.folder(), null, device, Composition.AUTO, batch);
                if (lease.loaded()) {
                    onLoad.accept(executor + "/" + device);
                }
                return lease.engine().render(request, RenderProgress.NONE);
            }, conf, work, overwrite, run, place, deadline);
        } catch (RenderException e) {
            String named = setting(task, DEVICE_CONF, DeviceChoice.AUTO);
            ResultRow.Place place = new ResultRow.Place(modelsUri, null, named, executor, attempt);
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
        return registry.engine(models.folder(), null, chosenDevice(TaskContext.get()), Composition.AUTO,
                batch(TaskContext.get())).engine();
    }

    private static int batch(TaskContext task) throws RenderException {
        return batch(setting(task, BATCH_CONF, "1"));
    }

    /** The frames per call {@link #BATCH_CONF} names. */
    static int batch(String value) throws RenderException {
        try {
            int batch = Integer.parseInt(value.trim());
            if (batch >= 1) {
                return batch;
            }
        } catch (NumberFormatException e) {
            // reported below with the others
        }
        throw new RenderException(ErrorKind.BAD_OPTION, BATCH_CONF + " must be a whole number of at least 1, got '"
                + value + "'");
    }

    private static String chosenDevice(TaskContext task) throws RenderException {
        try {
            return device(task);
        } catch (IllegalArgumentException e) {
            throw new RenderException(ErrorKind.BAD_OPTION, DEVICE_CONF + "/" + PROVIDER_CONF + ": " + e.getMessage());
        }
    }

    private static LocalModels localModels(EngineRegistry registry, String modelsUri, Configuration conf)
            throws RenderException {
        return registry.localModels(modelsUri, uri -> new ModelFolderCache(MODEL_CACHE).local(uri, conf));
    }
}
