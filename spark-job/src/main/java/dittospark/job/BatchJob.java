package dittospark.job;

import dittospark.udf.HadoopFiles;
import dittospark.udf.OutputPublisher;
import dittospark.udf.RenderTask;
import dittospark.udf.ResultRow;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.CollectionAccumulator;

import java.io.IOException;
import java.io.PrintStream;
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
    private final SparkSession spark;
    private final PrintStream console;

    public BatchJob(SparkSession spark, PrintStream console) {
        this.spark = spark;
        this.console = console;
    }

    public RunSummary run(BatchOptions o) throws ManifestException, IOException {
        long t0 = System.nanoTime();
        Map<String, Double> phases = new LinkedHashMap<>();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        String runId = "dittospark-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        try (JobGroup ignored = JobGroup.enter(spark.sparkContext(), runId,
                "dittospark batch " + o.manifest() + " -> " + o.out())) {
            Path manifestPath = qualified(o.manifest(), conf);
            Path out = qualified(o.out(), conf);
            String models = qualified(o.models(), conf).toString();
            ManifestFormat format = o.format() != null ? o.format() : ManifestFormat.of(o.manifest());
            long t = System.nanoTime();
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

            t = System.nanoTime();
            List<RenderTask> tasks = validated.tasks().stream().map(RowValidator.Numbered::value).toList();
            int partitions = o.partitions() != null ? o.partitions() : jsc.defaultParallelism();
            List<List<Integer>> plan = Planner.balance(new CostEstimator(conf).costs(tasks), partitions);
            phases.put("plan", seconds(t));

            t = System.nanoTime();
            CollectionAccumulator<String> loads = spark.sparkContext().collectionAccumulator("dittospark model loads");
            List<ResultRow> rendered = tasks.isEmpty() ? List.of()
                    : render(jsc, tasks, plan, new JobSettings(runId, models, o.overwrite(), HadoopFiles.overrides(conf)), loads);
            for (String folder : tasks.stream().map(task -> new Path(task.output()).getParent().toString()).distinct().toList()) {
                OutputPublisher.sweep(folder, runId, conf);
            }
            phases.put("render", seconds(t));

            List<ResultRow> results = inManifestOrder(validated, rendered);
            RunSummary summary = RunSummary.of(runId, manifestPath.toString(), out.toString(), models,
                    spark.sparkContext().master(), tasks.isEmpty() ? 0 : plan.size(), List.copyOf(loads.value()), results,
                    seconds(t0), phases);
            ResultsWriter.write(spark, out, results, summary, conf);
            console.println("model loads: " + summary.modelLoads().size() + " " + summary.modelLoads());
            console.println("results: " + new Path(out, ResultsWriter.TABLE) + ", report: "
                    + new Path(out, ResultsWriter.REPORT));
            return summary;
        }
    }

    private List<ResultRow> render(JavaSparkContext jsc, List<RenderTask> tasks, List<List<Integer>> plan,
                                   JobSettings settings, CollectionAccumulator<String> loads) {
        List<List<Row>> bundles = new ArrayList<>();
        for (List<Integer> partition : plan) {
            bundles.add(partition.stream().map(i -> tasks.get(i).toRow()).toList());
        }
        Broadcast<JobSettings> broadcast = jsc.broadcast(settings);
        try {
            // one bundle per slice: parallelize keeps the planned partitions exactly
            return spark.createDataFrame(jsc.parallelize(bundles, bundles.size()).flatMap(new Unbundle()),
                            RenderTask.SCHEMA)
                    .mapPartitions(new RenderPartition(broadcast, loads), RenderPartition.RESULTS)
                    .collectAsList().stream().map(ResultRow::fromRow).toList();
        } finally {
            broadcast.destroy();
        }
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
