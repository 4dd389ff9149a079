package dittospark.udf;

import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import dittospark.files.ScratchSpace;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * {@code ditto_render(source, audio, output, options_json)}: renders one pair on the executor exactly as
 * a batch row renders (same engine cache, same atomic publish, an existing output is skipped) and
 * returns the row's results as a struct of the results table's columns. Never throws for a bad row.
 * The row's id, which seeds the render, is the output's file name without its extension: the id the
 * batch job would give a row whose output is {@code <out>/<id>.mp4}.
 */
final class RenderUdf extends UdfContext implements UDF4<String, String, String, String, Row> {
    private static final long serialVersionUID = 1L;

    /** The results table's columns; the contact-sheet thumbnail stays out. */
    static final StructType RESULT = new StructType(Arrays.stream(ResultRow.SCHEMA.fields())
            .filter(f -> !f.name().equals(ResultRow.THUMBNAIL)).toArray(StructField[]::new));

    /** Names this JVM's files being published, apart from other executors' and jobs'. */
    private static final String RUN = "udf-" + java.util.UUID.randomUUID();

    RenderUdf(String modelsUri, Map<String, String> hadoop) {
        super(modelsUri, hadoop);
    }

    @Override
    public Row call(String source, String audio, String output, String options) {
        String id;
        try {
            id = rowId(source, audio, output);
        } catch (RenderException e) {
            return badRow(output, e);
        }
        java.nio.file.Path work;
        try {
            work = ScratchSpace.ownFolder();
        } catch (IOException e) {
            return badRow(output, new RenderException(ErrorKind.OUTPUT_FAILED,
                    "no local scratch space for the row: " + OutputFailures.describe(e)));
        }
        RowRenderer renderer = ExecutorRendering.rowRenderer(modelsUri, conf(), work, false, RUN, where -> { },
                RowRenderer.DEFAULT_DEADLINE);
        return struct(renderer.render(new RenderTask(id, source, audio, output, null, Seeds.fromId(id), options)));
    }

    private static String rowId(String source, String audio, String output) throws RenderException {
        if (source == null || audio == null || output == null) {
            throw new RenderException(ErrorKind.BAD_ROW, "ditto_render needs a source, an audio and an output;"
                    + " got source " + source + ", audio " + audio + ", output " + output);
        }
        String name;
        try {
            name = new Path(output).getName();
        } catch (IllegalArgumentException e) {
            throw new RenderException(ErrorKind.BAD_ROW, "the output '" + output + "' is not a URI: " + e.getMessage());
        }
        String id = name.replaceFirst("\\.[^.]*$", "");
        if (id.isEmpty()) {
            throw new RenderException(ErrorKind.BAD_ROW, "the output '" + output + "' names no file");
        }
        return id;
    }

    private static Row badRow(String output, RenderException e) {
        TaskContext task = TaskContext.get();
        ResultRow.Place place = new ResultRow.Place(null, null, null, SparkEnv.get().executorId(),
                task == null ? null : task.attemptNumber());
        Instant now = Instant.now();
        return struct(ResultRow.failed(null, output, e.kind(), e.getMessage(), place, now, now));
    }

    private static Row struct(ResultRow result) {
        Row row = result.toRow();
        return RowFactory.create(Arrays.stream(RESULT.fieldNames())
                .map(name -> row.get(ResultRow.SCHEMA.fieldIndex(name))).toArray());
    }
}
