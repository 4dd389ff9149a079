package dittospark.job;

import java.io.Serializable;
import java.time.Duration;
import java.util.Map;

/**
 * What every task needs from the driver, broadcast once: small by design (the Hadoop entries are only
 * those that differ from Hadoop's defaults).
 *
 * @param runId     names the run, e.g. in the names of files being published
 * @param modelsUri the model set as the user named it, qualified
 * @param overwrite whether existing outputs are rendered again
 * @param hadoop    Hadoop configuration overrides of the driver (credentials, endpoints, ...)
 * @param rowDeadline how long one row may take
 */
public record JobSettings(String runId, String modelsUri, boolean overwrite, Map<String, String> hadoop,
                          Duration rowDeadline) implements Serializable {
}
