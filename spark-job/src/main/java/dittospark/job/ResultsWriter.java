package dittospark.job;

import dittospark.udf.HadoopFiles;
import dittospark.udf.ResultRow;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a run's results into its output folder: the table as Parquet in {@code _results/}, and beside
 * it {@code results.csv} and {@code report.html}.
 */
public final class ResultsWriter {
    public static final String TABLE = "_results";
    public static final String CSV = "results.csv";
    public static final String REPORT = "report.html";

    private ResultsWriter() {
    }

    public static void write(SparkSession spark, Path out, List<ResultRow> rows, RunSummary summary,
                             Configuration conf) throws IOException {
        spark.createDataFrame(rows.stream().map(ResultRow::toRow).toList(), ResultRow.SCHEMA)
                .drop(ResultRow.THUMBNAIL)
                .coalesce(1)
                .write().mode(SaveMode.Overwrite).parquet(new Path(out, TABLE).toString());
        text(new Path(out, CSV), ResultsCsv.of(rows), conf);
        text(new Path(out, REPORT), Report.html(summary, rows, List.of(RunRecord.of(summary))), conf);
    }

    private static void text(Path path, String content, Configuration conf) throws IOException {
        try (FSDataOutputStream o = HadoopFiles.fileSystem(path, conf).create(path, true)) {
            o.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }
}
