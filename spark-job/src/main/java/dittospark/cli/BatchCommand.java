package dittospark.cli;

import dittospark.engine.DefaultModels;
import dittospark.job.BatchJob;
import dittospark.job.BatchOptions;
import dittospark.job.JobException;
import dittospark.job.ManifestException;
import dittospark.job.ManifestFormat;
import dittospark.job.ManifestReader;
import dittospark.job.RunSummary;
import dittospark.udf.RowRenderer;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import scala.Tuple2;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code dittospark batch}: the Spark job over a manifest. */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = "Render every row of a manifest on Spark and write the results table and report.")
public final class BatchCommand implements Callable<Integer> {
    /** Exit codes, as the README documents them. */
    static final int ALL_DONE = 0;
    static final int JOB_FAILED = 1;
    static final int BAD_MANIFEST = 2;
    static final int ROWS_FAILED = 3;
    private static final Logger LOG = LoggerFactory.getLogger(BatchCommand.class);

    @Option(names = "--manifest", required = true, description = "manifest URI (CSV with header, JSON Lines, Parquet)")
    String manifest;

    @Option(names = "--out", required = true, description = "output folder URI: <out>/<id>.mp4, <out>/_results/, report.html")
    String out;

    @Option(names = "--models", description = "model folder URI (default: the demo models)")
    String models;

    @Option(names = "--master", description = "Spark master (default: local[*], or the one spark-submit sets)")
    String master;

    @Option(names = "--format", description = "manifest format: csv, jsonl or parquet (default: by extension)")
    String format;

    @Option(names = "--overwrite", description = "render rows whose output already exists")
    boolean overwrite;

    @Option(names = "--limit", description = "only the first N manifest rows")
    Integer limit;

    @Option(names = "--partitions", description = "number of tasks (default: Spark's default parallelism)")
    Integer partitions;

    @Option(names = "--row-timeout", description = "seconds one row may take before it fails as TIMED_OUT (default: ${DEFAULT-VALUE})",
            defaultValue = RowRenderer.DEFAULT_DEADLINE_SECONDS + "")
    long rowTimeoutSeconds;

    @Option(names = "--allow-failed-rows", description = "exit 0 even when some rows FAILED (default: exit 3)")
    boolean allowFailedRows;

    @Override
    public Integer call() throws Exception {
        BatchOptions options;
        try {
            // the demo folder is on the driver's disk: a file: URI, lest a cluster's default file system be assumed
            String modelSet = models != null ? models : DefaultModels.demoFolder().toUri().toString();
            options = new BatchOptions(manifest, out, modelSet,
                    format == null ? null : ManifestFormat.named(format), overwrite, limit, partitions,
                    Duration.ofSeconds(rowTimeoutSeconds));
        } catch (ManifestException | IllegalArgumentException e) {
            return fail(e, BAD_MANIFEST);
        }
        try {
            ManifestReader.requireExists(manifest, hadoopConfiguration());
        } catch (ManifestException e) {
            return fail(e, BAD_MANIFEST);
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot look for the manifest before starting Spark; the job will", e);
        }
        SparkSession.Builder builder = SparkSession.builder().appName("dittospark batch");
        if (!new SparkConf().contains("spark.log.level")) {
            // Spark's start-up chatter would bury the job's own lines
            builder.config("spark.log.level", "WARN");
        }
        if (master != null) {
            builder.master(master);
        } else if (!new SparkConf().contains("spark.master")) {
            builder.master("local[*]");
        }
        SparkSession spark = builder.getOrCreate();
        try {
            RunSummary summary = new BatchJob(spark, System.out).run(options);
            System.out.println(summary.line());
            return summary.failed() > 0 && !allowFailedRows ? ROWS_FAILED : ALL_DONE;
        } catch (ManifestException e) {
            return fail(e, BAD_MANIFEST);
        } catch (JobException e) {
            return fail(e, JOB_FAILED);
        } finally {
            spark.stop();
        }
    }

    /**
     * What Spark's Hadoop configuration will be, near enough to look for the manifest without starting
     * Spark for a path that is not there: the site files plus the spark.hadoop.* settings.
     */
    private static Configuration hadoopConfiguration() {
        Configuration conf = new Configuration();
        for (Tuple2<String, String> setting : new SparkConf().getAllWithPrefix("spark.hadoop.")) {
            conf.set(setting._1(), setting._2());
        }
        return conf;
    }

    /** A failure the user can act on: its one-line message, and the exit code that classifies it. */
    private static int fail(Exception e, int exitCode) {
        System.err.println("dittospark batch: " + e.getMessage());
        return exitCode;
    }
}
