package dittospark.job;

import java.util.List;

/** A manifest that has the required columns; its rows are not yet validated. */
public record Manifest(String uri, List<String> columns, List<ManifestRow> rows) {
    /** Besides these, a manifest needs a speech column: {@code audio}, or {@code text} to synthesize. */
    public static final List<String> REQUIRED = List.of("id", "source");
    public static final List<String> SPEECH = List.of("audio", "text");
    public static final List<String> OPTIONAL = List.of("output", "language", "seed", "options", "voice");
}
