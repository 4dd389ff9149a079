package dittospark.job;

import dittospark.errors.ErrorKind;
import dittospark.files.LocalFiles;
import dittospark.files.ScratchSpace;
import dittospark.udf.ExecutorRendering;
import dittospark.udf.HadoopFiles;
import dittospark.udf.OutputFailures;
import dittospark.udf.RenderTask;
import dittospark.udf.ResultRow;
import dittospark.udf.RowRenderer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSError;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.util.CollectionAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Renders the rows of one partition on an executor (see {@link ExecutorRendering}: the task's GPU or
 * the CPU, models loaded once per executor and device). Returns one result row per task row.
 */
public final class RenderPartition implements MapPartitionsFunction<Row, Row> {
    public static final Encoder<Row> RESULTS = Encoders.row(ResultRow.SCHEMA);
    private static final Logger LOG = LoggerFactory.getLogger(RenderPartition.class);

    private final Broadcast<JobSettings> settings;
    private final CollectionAccumulator<String> modelLoads;
    private final RowCounters counters;

    /**
     * @param modelLoads receives "executor/device" for every engine an executor loads
     * @param counters   counts every row as it finishes, for the driver's progress line
     */
    RenderPartition(Broadcast<JobSettings> settings, CollectionAccumulator<String> modelLoads, RowCounters counters) {
        this.settings = settings;
        this.modelLoads = modelLoads;
        this.counters = counters;
    }

    /**
     * When the task cannot even set up (no local disk space for its folder, say), each of its rows
     * fails with that reason instead of the task failing and Spark aborting the job after its retries.
     */
    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        JobSettings s = settings.value();
        List<RenderTask> tasks = new ArrayList<>();
        rows.forEachRemaining(r -> tasks.add(RenderTask.fromRow(r)));
        Path work = null;
        List<Row> out = new ArrayList<>();
        try {
            work = ScratchSpace.newFolder("task-");
            Configuration conf = HadoopFiles.configuration(s.hadoop());
            RowRenderer rowRenderer = ExecutorRendering.rowRenderer(s.modelsUri(), conf, work, s.overwrite(),
                    s.runId(), modelLoads::add, s.rowDeadline());
            for (RenderTask task : tasks) {
                ResultRow row = rowRenderer.render(task);
                counters.count(row);
                out.add(row.toRow());
            }
        } catch (IOException | RuntimeException | FSError | LinkageError e) {
            LOG.error("the task could not render its rows", e);
            boolean disk = e instanceof IOException || e instanceof FSError;
            ResultRow.Place place = new ResultRow.Place(s.modelsUri(), null, null, SparkEnv.get().executorId(), null);
            for (RenderTask task : tasks.subList(out.size(), tasks.size())) {
                Instant now = Instant.now();
                ResultRow row = ResultRow.failed(task.id(), task.output(),
                        disk ? ErrorKind.OUTPUT_FAILED : ErrorKind.INTERNAL,
                        "the executor could not set up the row: " + OutputFailures.describe(e), place, now, now)
                        .withLanguage(task.language());
                counters.count(row);
                out.add(row.toRow());
            }
        } finally {
            if (work != null) {
                deleteQuietly(work);
            }
        }
        return out.iterator();
    }

    private static void deleteQuietly(Path dir) {
        try {
            LocalFiles.deleteRecursively(dir);
        } catch (IOException e) {
            LOG.warn("cannot remove the task folder {}", dir, e);
        }
    }
}
