package dittospark.engine;

import dittospark.video.SourceKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BenchTableTest {
    /** 100 frames: the stages alone take 2 s of warp and 1 s of decode, the whole render 5 s. */
    private static BenchCommand.Row row() {
        RenderResult endToEnd = result(5.0, Map.of("warp", 1.5));
        RenderResult alone = result(6.0, Map.of("warp", 2.0, "decode", 1.0, "putback", 0.3));
        return new BenchCommand.Row("portrait", endToEnd, alone, 20.0);
    }

    private static RenderResult result(double seconds, Map<String, Double> stages) {
        return new RenderResult(SourceKind.IMAGE, 64, 64, 100, 4.0, seconds, stages, "cpu", "libx264", 1, "x", null);
    }

    @Test
    void modelsOnlyIsWarpAndDecodeAlone() {
        assertThat(row().modelsMsPerFrame()).as("models-only ms/frame").isCloseTo(30.0, within(1e-9));
    }

    @Test
    void ratioIsEndToEndOverModelsAndEncoderAlone() {
        assertThat(row().ratio()).as("ratio").isCloseTo(50.0 / (30.0 + 20.0), within(1e-9));
    }

    @Test
    void stageColumnsComeFromTheRenderWithStagesAlone() {
        assertThat(row().msPerFrame("putback")).as("put-back alone").isCloseTo(3.0, within(1e-9));
        assertThat(row().msPerFrame("source")).as("a stage the render did not time").isZero();
    }

    @Test
    void theTablePrintsOneLinePerCaseWithItsRatio() {
        String table = BenchCommand.table(List.of(row()));
        assertThat(table.lines().filter(l -> l.startsWith("portrait ")).findFirst()).as("the case's line").get()
                .asString().endsWith("1.00");
    }
}
