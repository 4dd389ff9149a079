package dittospark.job;

import dittospark.udf.RenderTask;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

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

    @Test
    void aChunkLengthThatWouldWrapToZeroEndsTheHeaderWalk() {
        byte[] wav = Wavs.withChunkBeforeData("LIST", 0xFFFFFFF8L);

        double seconds = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> CostEstimator.wavSeconds(wav, wav.length));

        assertThat(seconds).as("duration of a header whose LIST chunk overruns the file").isEqualTo(-1);
    }

    @Test
    void aChunkLengthThatWouldWrapNegativeEndsTheHeaderWalk() {
        byte[] wav = Wavs.withChunkBeforeData("LIST", 0xFFFFFF00L);

        double seconds = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> CostEstimator.wavSeconds(wav, wav.length));

        assertThat(seconds).as("duration of a header whose LIST chunk overruns the file").isEqualTo(-1);
    }

    @Test
    void aWellFormedChunkBeforeTheDataIsSkipped() {
        byte[] wav = Wavs.withChunkBeforeData("LIST", 4);

        assertThat(CostEstimator.wavSeconds(wav, wav.length)).as("duration past a 4-byte LIST chunk")
                .isCloseTo(1.0, within(1e-9));
    }

    @Test
    void aWavClaimingMoreDataThanTheFileHoldsIsEstimatedFromTheFile() {
        byte[] wav = Wavs.withChunkBeforeData("LIST", 4);
        java.nio.ByteBuffer.wrap(wav).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(wav.length - 32_000 - 4, 0xFFFFFFF0);

        assertThat(CostEstimator.wavSeconds(wav, wav.length)).as("duration of a 4 GB data claim in a 1 s file")
                .isCloseTo(1.0, within(1e-9));
    }

    @Test
    void aProbeThatNeverAnswersGetsTheUnknownCostByTheDeadline(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("stuck.wav");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).as("mkfifo").isZero();
        RenderTask stuck = new RenderTask("a", "file:/p.png", fifo.toUri().toString(), "file:/o.mp4", null, 1, null);

        List<Double> costs = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> estimator.costs(List.of(stuck), Duration.ofSeconds(2)));

        assertThat(costs).as("cost of a row whose audio blocks every read")
                .containsExactly(CostEstimator.FIXED_SECONDS + CostEstimator.UNKNOWN_SECONDS);
    }
}
