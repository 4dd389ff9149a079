package dittospark.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The runs of an output folder, one small {@code _run.json} in each run's table folder: listing them
 * costs one directory listing and a read per run, not a Spark job per run's table.
 */
final class RunLog {
    static final String FILE = "_run.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(RunLog.class);

    private RunLog() {
    }

    static void record(FileSystem fs, Path runs, RunRecord run) throws IOException {
        String json = JSON.createObjectNode().put("run_id", run.runId()).put("started", run.started().toString())
                .put("finished", run.finished().toString()).put("rows", run.rows()).put("succeeded", run.succeeded())
                .put("failed", run.failed()).put("skipped", run.skipped()).toString();
        try (FSDataOutputStream o = fs.create(new Path(new Path(runs, run.runId()), FILE), true)) {
            o.write(json.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Every recorded run, oldest first; a record that cannot be read is left out. */
    static List<RunRecord> all(FileSystem fs, Path runs) throws IOException {
        List<RunRecord> records = new ArrayList<>();
        if (!fs.exists(runs)) {
            return records;
        }
        for (FileStatus run : fs.listStatus(runs)) {
            Path file = new Path(run.getPath(), FILE);
            if (!run.isDirectory() || !fs.exists(file)) {
                continue;
            }
            try (FSDataInputStream in = fs.open(file)) {
                JsonNode n = JSON.readTree(in.readAllBytes());
                records.add(new RunRecord(n.path("run_id").asText(), Instant.parse(n.path("started").asText()),
                        Instant.parse(n.path("finished").asText()), n.path("rows").asInt(), n.path("succeeded").asInt(),
                        n.path("failed").asInt(), n.path("skipped").asInt()));
            } catch (IOException | RuntimeException e) {
                LOG.warn("cannot read the run record {}: {}", file, e.toString());
            }
        }
        records.sort(Comparator.comparing(RunRecord::started));
        return records;
    }
}
