package dittospark.job;

import dittospark.udf.HadoopFiles;
import dittospark.udf.ResultRow;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a run's results into its output folder. Each run keeps its own table in
 * {@code _results/_runs/<run id>/}; {@code _results/} itself, {@code results.csv} and {@code report.html}
 * hold the current state across runs ({@link CurrentResults}). The run tables sit under a name starting
 * with "_", which Spark, pandas and pyarrow skip when they read {@code _results/} as one table.
 */
public final class ResultsWriter {
    public static final String TABLE = "_results";
    public static final String RUNS = "_runs";
    public static final String CSV = "results.csv";
    public static final String REPORT = "report.html";
    private static final Logger LOG = LoggerFactory.getLogger(ResultsWriter.class);

    private ResultsWriter() {
    }

    /** Writes this run's rows and the current state; returns the current state. */
    public static List<ResultRow> write(SparkSession spark, Path out, List<ResultRow> thisRun, RunSummary summary,
                                        Configuration conf) throws IOException {
        Path table = new Path(out, TABLE);
        FileSystem fs = HadoopFiles.fileSystem(table, conf);
        List<ResultRow> current = CurrentResults.merge(previous(spark, fs, table), thisRun);
        Path runs = new Path(table, RUNS);
        parquet(spark, thisRun, new Path(runs, summary.runId()));
        RunLog.record(fs, runs, RunRecord.of(summary));
        Path staging = new Path(table, "_staging-" + summary.runId());
        parquet(spark, current, staging);
        replaceTableFiles(fs, table, staging);
        text(new Path(out, CSV), ResultsCsv.of(current), conf);
        text(new Path(out, REPORT), Report.html(summary, current, RunLog.all(fs, runs)), conf);
        return current;
    }

    /** The current state earlier runs left; none when there is no table yet or it cannot be read. */
    private static List<ResultRow> previous(SparkSession spark, FileSystem fs, Path table) {
        try {
            if (!fs.exists(table) || fs.listStatus(table, p -> p.getName().endsWith(".parquet")).length == 0) {
                return List.of();
            }
            return spark.read().parquet(table.toString()).collectAsList().stream().map(ResultRow::fromRow).toList();
        } catch (Exception e) {
            // Spark's read fails with undeclared exceptions; a damaged table must not stop the run
            LOG.warn("cannot read the earlier results in {}; this run's results start the table anew: {}", table, e.toString());
            return List.of();
        }
    }

    private static void parquet(SparkSession spark, List<ResultRow> rows, Path path) {
        List<Row> table = rows.stream().map(ResultRow::toRow).toList();
        spark.createDataFrame(table, ResultRow.SCHEMA).drop(ResultRow.THUMBNAIL).coalesce(1)
                .write().mode(SaveMode.Overwrite).parquet(path.toString());
    }

    /**
     * Swaps the table's files for the staged ones, keeping its hidden folders (the run tables): an
     * overwrite by Spark would delete the whole folder.
     */
    private static void replaceTableFiles(FileSystem fs, Path table, Path staging) throws IOException {
        for (FileStatus f : fs.listStatus(table)) {
            if (f.isFile()) {
                fs.delete(f.getPath(), false);
            }
        }
        for (FileStatus f : fs.listStatus(staging)) {
            if (f.isFile() && !fs.rename(f.getPath(), new Path(table, f.getPath().getName()))) {
                throw new IOException("cannot move " + f.getPath() + " into " + table);
            }
        }
        fs.delete(staging, true);
    }

    private static void text(Path path, String content, Configuration conf) throws IOException {
        try (FSDataOutputStream o = HadoopFiles.fileSystem(path, conf).create(path, true)) {
            o.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }
}
