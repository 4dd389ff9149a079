package dittospark.job;

/**
 * What a batch run is asked to do.
 *
 * @param format     the manifest's format, or null to tell it from the extension
 * @param limit      render only the first {@code limit} manifest rows, or null for all
 * @param partitions how many tasks to spread the rows over, or null for Spark's default parallelism
 */
public record BatchOptions(String manifest, String out, String models, ManifestFormat format, boolean overwrite,
                           Integer limit, Integer partitions) {
}
