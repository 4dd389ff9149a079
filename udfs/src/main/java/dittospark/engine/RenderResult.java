package dittospark.engine;

import dittospark.video.SourceKind;

import java.util.Map;

/**
 * What one successful render produced. {@code stageSeconds} holds wall seconds per pipeline stage
 * (stages overlap, so they do not add up to {@code renderSeconds}). {@code outputSha256} is the hex
 * SHA-256 of the output file's bytes; {@code thumbnailJpeg} a small JPEG of its middle frame, for
 * contact sheets, or null where none could be made. {@code provider} is the device the models ran on,
 * {@code encoder} the H.264 encoder that wrote the video ({@code libx264} or {@code h264_nvenc}).
 */
public record RenderResult(
        SourceKind sourceKind,
        int width,
        int height,
        int frames,
        double audioSeconds,
        double renderSeconds,
        Map<String, Double> stageSeconds,
        String provider,
        String encoder,
        long outputBytes,
        String outputSha256,
        byte[] thumbnailJpeg) {

    public double fps() {
        return renderSeconds > 0 ? frames / renderSeconds : 0;
    }
}
