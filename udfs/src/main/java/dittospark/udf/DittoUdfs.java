package dittospark.udf;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

import java.io.IOException;
import java.util.Map;

/**
 * The renderer as Spark SQL functions, for SQL and DataFrame users:
 * <ul>
 * <li>{@code ditto_render(source, audio, output, options_json)}: renders one pair like a batch row and
 * returns a struct of the results table's columns (status, error_kind, error_message, frames, ...);</li>
 * <li>{@code ditto_probe_source(uri)}: struct(kind, width, height, frames, fps, face_found, face_box);</li>
 * <li>{@code ditto_audio_seconds(uri)}: the audio's duration, null when unreadable.</li>
 * </ul>
 * Inputs and outputs are Hadoop URIs. The session's Hadoop settings travel to the executors.
 */
public final class DittoUdfs {
    public static final String RENDER = "ditto_render";
    public static final String PROBE_SOURCE = "ditto_probe_source";
    public static final String AUDIO_SECONDS = "ditto_audio_seconds";

    private DittoUdfs() {
    }

    /** Registers the functions in {@code spark} over the model set at {@code modelsUri} (any Hadoop URI). */
    public static void register(SparkSession spark, String modelsUri) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Path models = new Path(modelsUri);
        // executors resolve a relative folder against their own working directory: pin it here
        String qualified = HadoopFiles.fileSystem(models, conf).makeQualified(models).toString();
        Map<String, String> hadoop = HadoopFiles.overrides(conf);
        // a render publishes a file: the optimizer must neither repeat nor drop it
        spark.udf().register(RENDER, functions.udf(new RenderUdf(qualified, hadoop), RenderUdf.RESULT)
                .asNondeterministic());
        spark.udf().register(PROBE_SOURCE, functions.udf(new ProbeSourceUdf(qualified, hadoop), ProbeSourceUdf.SCHEMA));
        spark.udf().register(AUDIO_SECONDS, functions.udf(new AudioSecondsUdf(qualified, hadoop), DataTypes.DoubleType));
    }
}
