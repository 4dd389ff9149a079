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
 * its order, then the manifest row's {@code language}, followed by {@code thumbnail}: a base64 JPEG of
 * the output's middle frame that feeds the report's contact sheet and is not written to the table.
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
        String executorId,
        Integer attempt,
        Long outputBytes,
        String outputSha256,
        Instant startedAt,
        Instant finishedAt,
        String language,
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
            field("executor_id", DataTypes.StringType),
            field("attempt", DataTypes.IntegerType),
            field("output_bytes", DataTypes.LongType),
            field("output_sha256", DataTypes.StringType),
            field("started_at", DataTypes.TimestampType),
            field("finished_at", DataTypes.TimestampType),
            field("language", DataTypes.StringType),
            field(THUMBNAIL, DataTypes.StringType)});

    /** Where this row was processed: the same for every row of a task. */
    public record Place(String modelSet, String modelHash, String provider, String executorId, Integer attempt)
            implements Serializable {
        public static final Place DRIVER = new Place(null, null, null, "driver", null);
    }

    public static ResultRow failed(String id, String output, ErrorKind kind, String message, Place place,
                                   Instant startedAt, Instant finishedAt) {
        return new ResultRow(id, RowStatus.FAILED, output, kind, message, null, null, null, null, null, null, null,
                null, place.modelSet(), place.modelHash(), place.provider(), place.executorId(), place.attempt(),
                null, null, startedAt, finishedAt, null, null);
    }

    public static ResultRow skipped(String id, String output, Place place, Instant startedAt, Instant finishedAt) {
        return new ResultRow(id, RowStatus.SKIPPED, output, null, null, null, null, null, null, null, null, null,
                null, place.modelSet(), place.modelHash(), place.provider(), place.executorId(), place.attempt(),
                null, null, startedAt, finishedAt, null, null);
    }

    /** A row for {@code r}, whose output was published to {@code output} byte for byte. */
    public static ResultRow succeeded(String id, String output, RenderResult r, Place place, Instant startedAt,
                                      Instant finishedAt) {
        String thumbnail = r.thumbnailJpeg() == null ? null : Base64.getEncoder().encodeToString(r.thumbnailJpeg());
        return new ResultRow(id, RowStatus.SUCCEEDED, output, null, null, r.sourceKind().name(), r.width(),
                r.height(), r.frames(), r.audioSeconds(), r.renderSeconds(), r.fps(), Map.copyOf(r.stageSeconds()),
                place.modelSet(), place.modelHash(), r.provider(), place.executorId(), place.attempt(),
                r.outputBytes(), r.outputSha256(), startedAt, finishedAt, null, thumbnail);
    }

    /** This row with the language of the manifest row it reports on. */
    public ResultRow withLanguage(String language) {
        return new ResultRow(id, status, output, errorKind, errorMessage, sourceKind, width, height, frames,
                audioSeconds, renderSeconds, fps, stageSeconds, modelSet, modelHash, provider, executorId, attempt,
                outputBytes, outputSha256, startedAt, finishedAt, language, thumbnail);
    }

    public Row toRow() {
        return RowFactory.create(id, status.name(), output, errorKind == null ? null : errorKind.name(), errorMessage,
                sourceKind, width, height, frames, audioSeconds, renderSeconds, fps,
                stageSeconds == null ? null : scala.jdk.javaapi.CollectionConverters.asScala(stageSeconds),
                modelSet, modelHash, provider, executorId, attempt, outputBytes, outputSha256,
                timestamp(startedAt), timestamp(finishedAt), language, thumbnail);
    }

    public static ResultRow fromRow(Row r) {
        String kind = r.getString(3);
        Map<String, Double> stages = r.isNullAt(12) ? null : Map.copyOf(r.getJavaMap(12));
        return new ResultRow(r.getString(0), RowStatus.valueOf(r.getString(1)), r.getString(2),
                kind == null ? null : ErrorKind.valueOf(kind), r.getString(4), r.getString(5),
                (Integer) r.get(6), (Integer) r.get(7), (Integer) r.get(8), (Double) r.get(9), (Double) r.get(10),
                (Double) r.get(11), stages, r.getString(13), r.getString(14), r.getString(15), r.getString(16),
                (Integer) r.get(17), (Long) r.get(18), r.getString(19), instant(r.get(20)), instant(r.get(21)),
                r.getString(22), r.getString(23));
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
