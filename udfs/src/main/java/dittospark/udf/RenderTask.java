package dittospark.udf;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.Serializable;

/**
 * A validated manifest row, ready to render: URIs are absolute, the seed is decided and the options
 * have passed validation (kept as JSON so that the executor parses them again, unchanged). A text row
 * carries {@code text} (spoken in {@code language}, optionally in {@code voice}) instead of {@code audio}.
 */
public record RenderTask(String id, String source, String audio, String output, String language, long seed,
                         String options, String text, String voice) implements Serializable {

    public static final StructType SCHEMA = new StructType(new StructField[]{
            DataTypes.createStructField("id", DataTypes.StringType, false),
            DataTypes.createStructField("source", DataTypes.StringType, false),
            DataTypes.createStructField("audio", DataTypes.StringType, true),
            DataTypes.createStructField("output", DataTypes.StringType, false),
            DataTypes.createStructField("language", DataTypes.StringType, true),
            DataTypes.createStructField("seed", DataTypes.LongType, false),
            DataTypes.createStructField("options", DataTypes.StringType, true),
            DataTypes.createStructField("text", DataTypes.StringType, true),
            DataTypes.createStructField("voice", DataTypes.StringType, true)});

    /** A row that speaks its {@code audio} file. */
    public RenderTask(String id, String source, String audio, String output, String language, long seed,
                      String options) {
        this(id, source, audio, output, language, seed, options, null, null);
    }

    public boolean isText() {
        return text != null;
    }

    public Row toRow() {
        return RowFactory.create(id, source, audio, output, language, seed, options, text, voice);
    }

    public static RenderTask fromRow(Row r) {
        return new RenderTask(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                r.getLong(5), r.getString(6), r.getString(7), r.getString(8));
    }
}
