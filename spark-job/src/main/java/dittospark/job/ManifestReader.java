package dittospark.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a manifest (CSV with a header, JSON Lines, or Parquet) into rows of text values. A manifest
 * that cannot be read, has no columns, or lacks a required column is rejected as a whole.
 */
public final class ManifestReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ManifestReader() {
    }

    public static Manifest read(SparkSession spark, String uri, ManifestFormat format) throws ManifestException {
        try {
            requireExists(uri, spark.sparkContext().hadoopConfiguration());
        } catch (IOException | RuntimeException e) {
            // an unknown host or scheme comes as an IllegalArgumentException
            throw new ManifestException("cannot read the manifest " + uri + ": " + firstLine(e), e);
        }
        Manifest manifest;
        try {
            manifest = switch (format) {
                case CSV -> csv(spark, uri);
                case PARQUET -> table(uri, spark.read().parquet(uri));
                case JSONL -> jsonLines(uri, spark.read().textFile(uri).collectAsList());
            };
        } catch (ManifestException e) {
            throw e;
        } catch (Exception e) {
            // Spark's AnalysisException (path not found, unreadable file) is undeclared, hence Exception
            throw new ManifestException("cannot read the manifest " + uri + " as " + format + ": " + firstLine(e), e);
        }
        if (manifest.columns().isEmpty()) {
            throw new ManifestException("the manifest " + uri + " has no columns; it needs at least "
                    + String.join(", ", Manifest.REQUIRED) + " and audio or text");
        }
        List<String> missing = new java.util.ArrayList<>(
                Manifest.REQUIRED.stream().filter(c -> !manifest.columns().contains(c)).toList());
        if (Manifest.SPEECH.stream().noneMatch(manifest.columns()::contains)) {
            missing.add("audio (or text)");
        }
        if (!missing.isEmpty()) {
            throw new ManifestException("the manifest " + uri + " has no column " + String.join(", ", missing)
                    + " (its columns: " + String.join(", ", manifest.columns()) + ")");
        }
        return manifest;
    }

    /**
     * Checked before Spark looks, since Spark logs a missing path as a long warning with a stack trace.
     * A glob that matches nothing counts as missing, as it does for Spark.
     *
     * @throws IOException when the file system cannot say (no access, say); an unknown host or file
     *                     system scheme is an {@link IllegalArgumentException}
     */
    public static void requireExists(String uri, Configuration conf) throws ManifestException, IOException {
        Path path = new Path(uri);
        FileStatus[] matches = path.getFileSystem(conf).globStatus(path);
        if (matches == null || matches.length == 0) {
            throw new ManifestException("the manifest " + uri + " does not exist; check the path");
        }
    }

    /**
     * A CSV table; multi-line, since spreadsheets export a cell's line breaks inside its quotes. Spark
     * renames repeated header names (id -> id0, id3), so the header is checked for repeats first.
     */
    private static Manifest csv(SparkSession spark, String uri) throws ManifestException {
        DataFrameReader reader = spark.read().option("escape", "\"").option("multiLine", true)
                .option("inferSchema", false);
        List<Row> header = reader.option("header", false).csv(uri).limit(1).collectAsList();
        if (!header.isEmpty()) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < header.get(0).size(); i++) {
                String name = header.get(0).getString(i);
                if (name != null && !seen.add(name.toLowerCase(Locale.ROOT))) {
                    throw new ManifestException("the manifest " + uri + " names the column '" + name
                            + "' twice in its header; give each column once");
                }
            }
        }
        return table(uri, reader.option("header", true).csv(uri));
    }

    /** Rows of a CSV or Parquet table; structured cells become JSON text, others their text form. */
    private static Manifest table(String uri, Dataset<Row> table) {
        StructType schema = table.schema();
        List<Column> asText = new ArrayList<>();
        for (StructField f : schema.fields()) {
            Column c = functions.col("`" + f.name() + "`");
            boolean structured = f.dataType() instanceof StructType || f.dataType() instanceof MapType
                    || f.dataType() instanceof ArrayType;
            asText.add((structured ? functions.to_json(c) : c.cast(DataTypes.StringType)).as(f.name()));
        }
        List<String> columns = List.of(schema.fieldNames());
        List<ManifestRow> rows = new ArrayList<>();
        int number = 0;
        for (Row r : table.select(asText.toArray(Column[]::new)).collectAsList()) {
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                values.put(columns.get(i), r.getString(i));
            }
            rows.add(new ManifestRow(++number, values));
        }
        return new Manifest(uri, columns, rows);
    }

    /**
     * Rows of JSON Lines, parsed here rather than by Spark's schema inference so that each row's
     * options keep their own JSON types. A line that is not a JSON object becomes an unreadable row.
     */
    private static Manifest jsonLines(String uri, List<String> lines) {
        Set<String> columns = new LinkedHashSet<>();
        List<ManifestRow> rows = new ArrayList<>();
        int number = 0;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, String> values = new HashMap<>();
            String unreadable = null;
            try {
                JsonNode node = JSON.readTree(line);
                if (node == null || !node.isObject()) {
                    unreadable = "the line is not a JSON object";
                } else {
                    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                    while (fields.hasNext()) {
                        Map.Entry<String, JsonNode> f = fields.next();
                        columns.add(f.getKey());
                        JsonNode v = f.getValue();
                        values.put(f.getKey(), v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString());
                    }
                }
            } catch (JsonProcessingException e) {
                unreadable = "the line is not valid JSON: " + e.getOriginalMessage();
            }
            rows.add(new ManifestRow(++number, values, unreadable));
        }
        return new Manifest(uri, List.copyOf(columns), rows);
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
