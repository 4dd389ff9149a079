package dittospark.job;

import dittospark.udf.HadoopFiles;
import dittospark.udf.OutputFailures;
import dittospark.udf.OutputPublisher;
import dittospark.udf.RenderTask;
import dittospark.udf.ResultRow;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.CollectionAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One batch run: read and validate the manifest, plan the rows over partitions by expected cost,
 * render them on the executors, and write the results table and report.
 */
public final class BatchJob {
    private static final Logger LOG = LoggerFactory.getLogger(BatchJob.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SparkSession spark;
    private final PrintStream console;

    public BatchJob(SparkSession spark, PrintStream console) {
        this.spark = spark;
        this.console = console;
    }

    /**
     * @throws ManifestException when the manifest cannot be used (nothing was done)
     * @throws JobException      when the output folder is held by another run, or the results cannot be written
     */
    public RunSummary run(BatchOptions o) throws ManifestException, JobException, IOException {
        long t0 = System.nanoTime();
        Map<String, Double> phases = new LinkedHashMap<>();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        String runId = runId();
        try (JobGroup ignored = JobGroup.enter(spark.sparkContext(), runId,
                "dittospark batch " + o.manifest() + " -> " + o.out())) {
            Path manifestPath = qualified(o.manifest(), conf);
            Path out = qualified(o.out(), conf);
            String models = qualified(o.models(), conf).toString();
            ManifestFormat format = o.format() != null ? o.format() : ManifestFormat.of(o.manifest());
            long t = System.nanoTime();
            describe(runId, "read the manifest " + manifestPath);
            Manifest manifest = ManifestReader.read(spark, manifestPath.toString(), format);
            List<ManifestRow> rows = o.limit() == null ? manifest.rows()
                    : manifest.rows().subList(0, Math.min(o.limit(), manifest.rows().size()));
            phases.put("read manifest", seconds(t));

            t = System.nanoTime();
            RowValidator.Validated validated = new RowValidator(manifestPath.getParent(), out,
                    FileSystem.getDefaultUri(conf)).validate(rows);
            phases.put("validate", seconds(t));
            console.printf("dittospark batch %s: %d rows, %d invalid, models %s%n", runId, rows.size(),
                    validated.failed().size(), models);
            try (OutputLease lease = OutputLease.acquire(out, runId, conf)) {
                t = System.nanoTime();
                List<RenderTask> tasks = validated.tasks().stream().map(RowValidator.Numbered::value).toList();
                int partitions = o.partitions() != null ? o.partitions() : jsc.defaultParallelism();
                List<List<Integer>> plan = Planner.balance(new CostEstimator(conf).costs(tasks), partitions);
                phases.put("plan", seconds(t));

                t = System.nanoTime();
                CollectionAccumulator<String> loads = spark.sparkContext().collectionAccumulator("dittospark model loads");
                List<ResultRow> rendered = tasks.isEmpty() ? List.of()
                        : render(jsc, tasks, plan, new JobSettings(runId, models, o.overwrite(),
                                HadoopFiles.overrides(conf), o.rowDeadline()), loads);
                describe(runId, "write the results into " + out);
                sweep(tasks, runId, conf);
                phases.put("render", seconds(t));

                List<ResultRow> results = inManifestOrder(validated, rendered).stream().map(r -> r.withRun(runId)).toList();
                RunSummary summary = RunSummary.of(runId, manifestPath.toString(), out.toString(), models,
                        spark.sparkContext().master(), tasks.isEmpty() ? 0 : plan.size(), List.copyOf(loads.value()),
                        results, seconds(t0), phases);
                writeResults(out, results, summary, conf);
                console.println("model loads: " + summary.modelLoads().size() + " " + summary.modelLoads());
                console.println("results: " + new Path(out, ResultsWriter.TABLE) + ", report: "
                        + new Path(out, ResultsWriter.REPORT));
                return summary;
            }
        }
    }

    /** The rows' videos are already published, so a failure here loses only the table, which a rerun rebuilds. */
    private void writeResults(Path out, List<ResultRow> results, RunSummary summary, Configuration conf)
            throws JobException {
        try {
            ResultsWriter.write(spark, out, results, summary, conf);
        } catch (Exception | FSError e) {
            // Spark's write fails with an undeclared SparkException, hence Exception
            LOG.debug("cannot write the results", e);
            throw new JobException("cannot write the results into " + out + ": " + OutputFailures.describe(e)
                    + "; the " + summary.succeeded() + " videos rendered are in place and a rerun skips them", e);
        }
    }

    /** Unique per run, even for runs started in the same second: names temporary files and the lease. */
    static String runId() {
        return "dittospark-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                + String.format("%08x", RANDOM.nextInt());
    }

    /** Removes what killed tasks of this run left while publishing; a folder that cannot be listed is only logged. */
    private static void sweep(List<RenderTask> tasks, String runId, Configuration conf) {
        for (String folder : tasks.stream().map(task -> new Path(task.output()).getParent().toString()).distinct().toList()) {
            try {
                OutputPublisher.sweep(folder, runId, conf);
            } catch (IOException | RuntimeException e) {
                LOG.warn("cannot sweep {} for files of run {}: {}", folder, runId, e.toString());
            }
        }
    }

    private List<ResultRow> render(JavaSparkContext jsc, List<RenderTask> tasks, List<List<Integer>> plan,
                                   JobSettings settings, CollectionAccumulator<String> loads) {
        List<List<Row>> bundles = new ArrayList<>();
        for (List<Integer> partition : plan) {
            bundles.add(partition.stream().map(i -> tasks.get(i).toRow()).toList());
        }
        Broadcast<JobSettings> broadcast = jsc.broadcast(settings);
        RowCounters counters = new RowCounters(spark.sparkContext());
        describe(settings.runId(), "render " + tasks.size() + " rows over " + bundles.size() + " partitions");
        try (ConsoleProgress ignored = ConsoleProgress.start(spark.sparkContext(), counters, tasks.size(), console)) {
            // one bundle per slice: parallelize keeps the planned partitions exactly
            return spark.createDataFrame(jsc.parallelize(bundles, bundles.size()).flatMap(new Unbundle()),
                            RenderTask.SCHEMA)
                    .mapPartitions(new RenderPartition(broadcast, loads, counters), RenderPartition.RESULTS)
                    .collectAsList().stream().map(ResultRow::fromRow).toList();
        } finally {
            broadcast.destroy();
        }
    }

    /** Names the Spark jobs of the next step in the UI, under the run's group (which {@link JobGroup} restores). */
    private void describe(String runId, String step) {
        spark.sparkContext().setJobDescription("dittospark batch " + runId + ": " + step);
    }

    private static List<ResultRow> inManifestOrder(RowValidator.Validated validated, List<ResultRow> rendered) {
        Map<String, Integer> numbers = new HashMap<>();
        validated.tasks().forEach(t -> numbers.put(t.value().id(), t.number()));
        List<RowValidator.Numbered<ResultRow>> all = new ArrayList<>(validated.failed());
        rendered.forEach(r -> all.add(new RowValidator.Numbered<>(numbers.get(r.id()), r)));
        all.sort(Comparator.comparingInt(RowValidator.Numbered::number));
        return all.stream().map(RowValidator.Numbered::value).toList();
    }

    private static Path qualified(String uri, Configuration conf) throws IOException {
        Path path = new Path(uri);
        return path.getFileSystem(conf).makeQualified(path);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Unpacks a planned partition's rows. */
    private static final class Unbundle implements FlatMapFunction<List<Row>, Row> {
        @Override
        public Iterator<Row> call(List<Row> bundle) {
            return bundle.iterator();
        }
    }
}
