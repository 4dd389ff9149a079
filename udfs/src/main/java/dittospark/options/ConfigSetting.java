package dittospark.options;

/**
 * A {@code default_kwargs} entry that only a model config sets: arrays and key lists fitted to the
 * release's models, kept as the JSON their parsers read.
 */
public record ConfigSetting(String name) {
}
