package dittospark.job;

import java.util.List;

/** A manifest that has the required columns; its rows are not yet validated. */
public record Manifest(String uri, List<String> columns, List<ManifestRow> rows) {
    public static final List<String> REQUIRED = List.of("id", "source", "audio");
    public static final List<String> OPTIONAL = List.of("output", "language", "seed", "options");
}
