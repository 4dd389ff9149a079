package dittospark.udf;

import dittospark.engine.RenderResult;
import dittospark.errors.ErrorKind;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * One row of the results table. {@link #SCHEMA} names the columns of the product's results table, in
 * its order, then the manifest row's {@code language} and the {@code run_id} of the run that produced the
 * row, followed by {@code thumbnail}: a base64 JPEG of the output's middle frame that feeds the report's
 * contact sheet and is not written to the table.
 */
public record ResultRow(
        String id,
        RowStatus status,
        String output,
        ErrorKind errorKind,
        String errorMessage,
        String sourceKind,
        Integer width,
        Integer height,
        Integer frames,
        Double audioSeconds,
        Double renderSeconds,
        Double fps,
        Map<String, Double> stageSeconds,
        String modelSet,
        String modelHash,
        String provider,
        String encoder,
        String executorId,
        Integer attempt,
        Long outputBytes,
        String outputSha256,
        Instant startedAt,
        Instant finishedAt,
        String language,
        String runId,
        String thumbnail) implements Serializable {

    public static final String THUMBNAIL = "thumbnail";

    public static final StructType SCHEMA = new StructType(new StructField[]{
            field("id", DataTypes.StringType),
            field("status", DataTypes.StringType),
            field("output", DataTypes.StringType),
            field("error_kind", DataTypes.StringType),
            field("error_message", DataTypes.StringType),
            field("source_kind", DataTypes.StringType),
            field("width", DataTypes.IntegerType),
            field("height", DataTypes.IntegerType),
            field("frames", DataTypes.IntegerType),
            field("audio_seconds", DataTypes.DoubleType),
            field("render_seconds", DataTypes.DoubleType),
            field("fps", DataTypes.DoubleType),
            field("stage_seconds", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType)),
            field("model_set", DataTypes.StringType),
            field("model_hash", DataTypes.StringType),
            field("provider", DataTypes.StringType),
            field("encoder", DataTypes.StringType),
            field("executor_id", DataTypes.StringType),
            field("attempt", DataTypes.IntegerType),
            field("output_bytes", DataTypes.LongType),
            field("output_sha256", DataTypes.StringType),
            field("started_at", DataTypes.TimestampType),
            field("finished_at", DataTypes.TimestampType),
            field("language", DataTypes.StringType),
            field("run_id", DataTypes.StringType),
            field(THUMBNAIL, DataTypes.StringType)});

    /** Where this row was processed: the same for every row of a task. */
    public record Place(String modelSet, String modelHash, String provider, String executorId, Integer attempt)
            implements Serializable {
        public static final Place DRIVER = new Place(null, null, null, "driver", null);
    }

    public static ResultRow failed(String id, String output, ErrorKind kind, String message, Place place,
                                   Instant startedAt, Instant finishedAt) {
        return new ResultRow(id, RowStatus.FAILED, output, kind, message, null, null, null, null, null, null, null,
                null, place.modelSet(), place.modelHash(), place.provider(), null, place.executorId(), place.attempt(),
                null, null, startedAt, finishedAt, null, null, null);
    }

    public static ResultRow skipped(String id, String output, Place place, Instant startedAt, Instant finishedAt) {
        return new ResultRow(id, RowStatus.SKIPPED, output, null, null, null, null, null, null, null, null, null,
                null, place.modelSet(), place.modelHash(), place.provider(), null, place.executorId(), place.attempt(),
                null, null, startedAt, finishedAt, null, null, null);
    }

    /** A row for {@code r}, whose output was published to {@code output} byte for byte. */
    public static ResultRow succeeded(String id, String output, RenderResult r, Place place, Instant startedAt,
                                      Instant finishedAt) {
        String thumbnail = r.thumbnailJpeg() == null ? null : Base64.getEncoder().encodeToString(r.thumbnailJpeg());
        return new ResultRow(id, RowStatus.SUCCEEDED, output, null, null, r.sourceKind().name(), r.width(),
                r.height(), r.frames(), r.audioSeconds(), r.renderSeconds(), r.fps(), Map.copyOf(r.stageSeconds()),
                place.modelSet(), place.modelHash(), r.provider(), r.encoder(), place.executorId(), place.attempt(),
                r.outputBytes(), r.outputSha256(), startedAt, finishedAt, null, null, thumbnail);
    }

    /** This row with the language of the manifest row it reports on. */
    public ResultRow withLanguage(String language) {
        return new ResultRow(id, status, output, errorKind, errorMessage, sourceKind, width, height, frames,
                audioSeconds, renderSeconds, fps, stageSeconds, modelSet, modelHash, provider, encoder, executorId, attempt,
                outputBytes, outputSha256, startedAt, finishedAt, language, runId, thumbnail);
    }

    /** This row as produced by the run {@code runId}. */
    public ResultRow withRun(String runId) {
        return new ResultRow(id, status, output, errorKind, errorMessage, sourceKind, width, height, frames,
                audioSeconds, renderSeconds, fps, stageSeconds, modelSet, modelHash, provider, encoder, executorId, attempt,
                outputBytes, outputSha256, startedAt, finishedAt, language, runId, thumbnail);
    }

    public Row toRow() {
        return RowFactory.create(id, status.name(), output, errorKind == null ? null : errorKind.name(), errorMessage,
                sourceKind, width, height, frames, audioSeconds, renderSeconds, fps,
                stageSeconds == null ? null : scala.jdk.javaapi.CollectionConverters.asScala(stageSeconds),
                modelSet, modelHash, provider, encoder, executorId, attempt, outputBytes, outputSha256,
                timestamp(startedAt), timestamp(finishedAt), language, runId, thumbnail);
    }

    /**
     * The row {@code r} holds, by column name: a table written by an earlier version may lack later
     * columns ({@code run_id}), and the table never holds the thumbnail; those read as null.
     */
    public static ResultRow fromRow(Row r) {
        String kind = (String) value(r, "error_kind");
        int stageColumn = index(r, "stage_seconds");
        Map<String, Double> stages = stageColumn < 0 || r.isNullAt(stageColumn) ? null : Map.copyOf(r.getJavaMap(stageColumn));
        return new ResultRow((String) value(r, "id"), RowStatus.valueOf((String) value(r, "status")),
                (String) value(r, "output"), kind == null ? null : ErrorKind.valueOf(kind),
                (String) value(r, "error_message"), (String) value(r, "source_kind"), (Integer) value(r, "width"),
                (Integer) value(r, "height"), (Integer) value(r, "frames"), (Double) value(r, "audio_seconds"),
                (Double) value(r, "render_seconds"), (Double) value(r, "fps"),
                stages,
                (String) value(r, "model_set"), (String) value(r, "model_hash"), (String) value(r, "provider"),
                (String) value(r, "encoder"),
                (String) value(r, "executor_id"), (Integer) value(r, "attempt"), (Long) value(r, "output_bytes"),
                (String) value(r, "output_sha256"), instant(value(r, "started_at")), instant(value(r, "finished_at")),
                (String) value(r, "language"), (String) value(r, "run_id"), (String) value(r, THUMBNAIL));
    }

    private static Object value(Row r, String column) {
        int i = index(r, column);
        return i < 0 ? null : r.get(i);
    }

    /** The column's position in {@code r}, or -1 when {@code r} lacks it; a row without a schema is in {@link #SCHEMA}'s order. */
    private static int index(Row r, String column) {
        StructType schema = r.schema() == null ? SCHEMA : r.schema();
        return java.util.Arrays.asList(schema.fieldNames()).indexOf(column);
    }

    /** The table's columns: every column of {@link #SCHEMA} but the thumbnail. */
    public static List<String> tableColumns() {
        return java.util.Arrays.stream(SCHEMA.fieldNames()).filter(n -> !n.equals(THUMBNAIL)).toList();
    }

    private static StructField field(String name, org.apache.spark.sql.types.DataType type) {
        return DataTypes.createStructField(name, type, true);
    }

    private static Timestamp timestamp(Instant t) {
        return t == null ? null : Timestamp.from(t);
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        return (Instant) value;
    }
}
