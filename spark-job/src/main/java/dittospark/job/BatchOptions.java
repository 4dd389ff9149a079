package dittospark.job;

import java.time.Duration;

/**
 * What a batch run is asked to do.
 *
 * @param format     the manifest's format, or null to tell it from the extension
 * @param limit      render only the first {@code limit} manifest rows, or null for all
 * @param partitions how many tasks to spread the rows over, or null for Spark's default parallelism
 * @param rowDeadline how long one row may take before it is abandoned as FAILED
 */
public record BatchOptions(String manifest, String out, String models, ManifestFormat format, boolean overwrite,
                           Integer limit, Integer partitions, Duration rowDeadline) {
    /** Rejects what no run could do, before Spark starts. */
    public BatchOptions {
        if (limit != null && limit < 0) {
            throw new IllegalArgumentException("--limit must be 0 or more, got " + limit);
        }
        if (partitions != null && partitions < 1) {
            throw new IllegalArgumentException("--partitions must be 1 or more, got " + partitions);
        }
        if (rowDeadline.isNegative() || rowDeadline.isZero()) {
            throw new IllegalArgumentException("--row-timeout must be a positive number of seconds, got "
                    + rowDeadline.toSeconds());
        }
    }
}
