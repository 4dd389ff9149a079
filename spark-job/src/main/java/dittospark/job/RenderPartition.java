package dittospark.job;

import dittospark.files.LocalFiles;
import dittospark.udf.ExecutorRendering;
import dittospark.udf.HadoopFiles;
import dittospark.udf.RenderTask;
import dittospark.udf.ResultRow;
import dittospark.udf.RowRenderer;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
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
 * Renders the rows of one partition on an executor (see {@link ExecutorRendering}: the task's GPU or
 * the CPU, models loaded once per executor and device). Returns one result row per task row.
 */
public final class RenderPartition implements MapPartitionsFunction<Row, Row> {
    public static final Encoder<Row> RESULTS = Encoders.row(ResultRow.SCHEMA);
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
        Configuration conf = HadoopFiles.configuration(s.hadoop());
        Path work = Files.createTempDirectory("dittospark-task-");
        try {
            RowRenderer rowRenderer = ExecutorRendering.rowRenderer(s.modelsUri(), conf, work, s.overwrite(),
                    s.runId(), modelLoads::add);
            List<Row> out = new ArrayList<>();
            while (rows.hasNext()) {
                out.add(rowRenderer.render(RenderTask.fromRow(rows.next())).toRow());
            }
            return out.iterator();
        } finally {
            deleteQuietly(work);
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            LocalFiles.deleteRecursively(dir);
        } catch (IOException e) {
            LOG.warn("cannot remove the task folder {}", dir, e);
        }
    }
}
