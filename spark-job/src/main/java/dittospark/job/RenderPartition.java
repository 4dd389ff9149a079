package dittospark.job;

import dittospark.engine.RenderException;
import dittospark.engine.RenderProgress;
import dittospark.engine.RenderRequest;
import dittospark.engine.RenderResult;
import dittospark.udf.EngineCache;
import dittospark.udf.HadoopFiles;
import dittospark.udf.LocalFiles;
import dittospark.udf.LocalModels;
import dittospark.udf.ModelFolderCache;
import dittospark.udf.RenderTask;
import dittospark.udf.ResultRow;
import dittospark.udf.RowRenderer;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.resource.ResourceInformation;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.util.CollectionAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Renders the rows of one partition on an executor: the device is the GPU Spark assigned to the task,
 * else the CPU; the engine comes from the executor's {@link EngineCache}, so models load once per
 * executor and device. Returns one result row per task row.
 */
public final class RenderPartition implements MapPartitionsFunction<Row, Row> {
    public static final Encoder<Row> RESULTS = Encoders.row(ResultRow.SCHEMA);
    /** Where executors keep their copies of remote model sets. */
    static final Path MODEL_CACHE = Path.of(System.getProperty("java.io.tmpdir"), "dittospark-models");

    private static final Logger LOG = LoggerFactory.getLogger(RenderPartition.class);

    private final Broadcast<JobSettings> settings;
    private final CollectionAccumulator<String> modelLoads;

    /** @param modelLoads receives "executor/device" for every engine an executor loads */
    public RenderPartition(Broadcast<JobSettings> settings, CollectionAccumulator<String> modelLoads) {
        this.settings = settings;
        this.modelLoads = modelLoads;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) throws IOException {
        JobSettings s = settings.value();
        TaskContext task = TaskContext.get();
        String device = device(task);
        String executor = SparkEnv.get().executorId();
        Configuration conf = HadoopFiles.configuration(s.hadoop());
        Path work = Files.createTempDirectory("dittospark-task-");
        try {
            ResultRow.Place place;
            RowRenderer.Renderer renderer;
            try {
                LocalModels models = new ModelFolderCache(MODEL_CACHE).local(s.modelsUri(), conf);
                place = new ResultRow.Place(s.modelsUri(), models.hash(), device, executor, task.attemptNumber());
                renderer = new CachedEngine(models, device, executor + "/" + device, modelLoads);
            } catch (RenderException e) {
                // every row that would render fails with the model set's problem; existing outputs still skip
                place = new ResultRow.Place(s.modelsUri(), null, device, executor, task.attemptNumber());
                renderer = request -> {
                    throw e;
                };
            }
            RowRenderer rowRenderer = new RowRenderer(renderer, conf, work, s.overwrite(), s.runId(), place);
            List<Row> out = new ArrayList<>();
            while (rows.hasNext()) {
                out.add(rowRenderer.render(RenderTask.fromRow(rows.next())).toRow());
            }
            return out.iterator();
        } finally {
            deleteQuietly(work);
        }
    }

    /** {@code cuda:N} for the first GPU address Spark gave this task, else {@code cpu}. */
    static String device(TaskContext task) {
        ResourceInformation gpu = task == null ? null : task.resourcesJMap().get("gpu");
        return gpu == null || gpu.addresses().length == 0 ? "cpu" : "cuda:" + gpu.addresses()[0];
    }

    private static void deleteQuietly(Path dir) {
        try {
            LocalFiles.deleteRecursively(dir);
        } catch (IOException e) {
            LOG.warn("cannot remove the task folder {}", dir, e);
        }
    }

    /** Takes the engine from the executor's cache on the first row that renders, counting loads. */
    private static final class CachedEngine implements RowRenderer.Renderer {
        private final LocalModels models;
        private final String device;
        private final String where;
        private final CollectionAccumulator<String> loads;

        CachedEngine(LocalModels models, String device, String where, CollectionAccumulator<String> loads) {
            this.models = models;
            this.device = device;
            this.where = where;
            this.loads = loads;
        }

        @Override
        public RenderResult render(RenderRequest request) throws RenderException {
            EngineCache.Lease lease = EngineCache.engine(models, device);
            if (lease.loaded()) {
                loads.add(where);
            }
            return lease.engine().render(request, RenderProgress.NONE);
        }
    }
}
