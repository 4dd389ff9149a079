package dittospark.engine;

import java.nio.file.Path;

/**
 * A verified model folder on local disk.
 *
 * @param uri    where the model set was read from, as the user named it
 * @param folder the local folder the engine loads
 * @param hash   SHA-256 over the folder's files (names and contents), naming the model set in results
 */
public record LocalModels(String uri, Path folder, String hash) {
}
