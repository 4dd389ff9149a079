package dittospark.engine;

import dittospark.video.SourceKind;

import java.util.Map;

/**
 * What one successful render produced. {@code stageSeconds} holds wall seconds per pipeline stage
 * (stages overlap, so they do not add up to {@code renderSeconds}).
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
        long outputBytes) {

    public double fps() {
        return renderSeconds > 0 ? frames / renderSeconds : 0;
    }
}
