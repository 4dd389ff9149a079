package dittospark.job;

import dittospark.udf.RenderTask;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CostEstimatorTest {
    private static final Path SAMPLES = Path.of(System.getProperty("samples.dir"));
    private final CostEstimator estimator = new CostEstimator(new Configuration());

    @Test
    void readsTheDurationOfAWavFromItsHeader() {
        double seconds = estimator.audioSeconds(SAMPLES.resolve("speech_24k.wav").toUri().toString());

        assertThat(seconds).as("duration of the sample speech (15.75 s), within 0.01 s").isCloseTo(15.75, within(0.01));
    }

    @Test
    void aVideoSourceCostsMoreThanAnImage() {
        String audio = SAMPLES.resolve("speech_24k.wav").toUri().toString();

        double image = estimator.cost(new RenderTask("a", "file:/p.png", audio, "file:/o.mp4", null, 1, null));
        double video = estimator.cost(new RenderTask("a", "file:/p.mp4", audio, "file:/o.mp4", null, 1, null));

        assertThat(video).as("cost of a video source").isGreaterThan(image);
    }

    @Test
    void anUnreadableAudioGetsTheDefaultEstimate() {
        assertThat(estimator.audioSeconds("file:/no/such.wav")).as("duration of a missing file")
                .isEqualTo(CostEstimator.UNKNOWN_SECONDS);
    }
}
