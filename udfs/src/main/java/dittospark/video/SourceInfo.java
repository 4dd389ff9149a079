package dittospark.video;


/**
 * What a source is without decoding all of it. {@code frames} is 1 for an image; for a video it is the
 * count the container declares (estimated from duration where it declares none). {@code fps} is 0 for an image.
 */
public record SourceInfo(SourceKind kind, int width, int height, int frames, double fps) {
}
