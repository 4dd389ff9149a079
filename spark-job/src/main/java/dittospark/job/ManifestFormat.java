package dittospark.job;

import java.util.Locale;

/** The file formats a manifest may have. */
public enum ManifestFormat {
    CSV, JSONL, PARQUET;

    /** The format named on the command line ({@code csv}, {@code jsonl}, {@code parquet}). */
    public static ManifestFormat named(String name) throws ManifestException {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ManifestException("unknown manifest format '" + name + "'; use csv, jsonl or parquet");
        }
    }

    /** The format implied by the manifest's extension. */
    public static ManifestFormat of(String uri) throws ManifestException {
        String name = uri.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return JSONL;
        }
        if (name.endsWith(".parquet") || name.endsWith(".pq")) {
            return PARQUET;
        }
        throw new ManifestException("cannot tell the format of the manifest " + uri
                + " from its extension (.csv, .jsonl or .parquet); name it with --format");
    }
}
