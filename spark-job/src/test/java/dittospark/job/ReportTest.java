package dittospark.job;

import dittospark.engine.RenderResult;
import dittospark.udf.ResultRow;
import dittospark.video.SourceKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTest {
    private static final Instant T0 = Instant.parse("2026-05-06T07:08:09Z");
    private static final ResultRow.Place PLACE = new ResultRow.Place("demo", "abc", "cpu", "1", 0);

    private static RunSummary summary(List<ResultRow> rows, List<String> loads) {
        return RunSummary.of("run-9", "file:/m.csv", "file:/o", "demo", "local[1]", 1, loads, rows, 2.0,
                Map.of("render", 1.5));
    }

    private static String report(List<ResultRow> rows, List<String> loads) {
        RunSummary s = summary(rows, loads);
        return Report.html(s, rows, List.of(RunRecord.of(s)));
    }

    @Test
    void emptySectionsSaySoInASentence() {
        String html = report(List.of(), List.of());

        assertThat(html).as("failures").contains("No failures.");
        assertThat(html).as("videos").contains("No videos: no row rendered or kept one.");
        assertThat(html).as("stages").contains("No stage timings: no row was rendered.");
        assertThat(html).as("rows").contains("The manifest has no rows.");
        assertThat(html).as("model loads").contains("none: no executor rendered a row");
        assertThat(html).as("no empty chart").doesNotContain("<svg");
    }

    @Test
    void stagesTheEngineGainsLaterComeAfterTheKnownOnes() {
        RenderResult r = new RenderResult(SourceKind.IMAGE, 8, 8, 10, 0.4, 1.0,
                Map.of("zoom", 0.01, "encode", 0.02, "audio", 0.03), "cpu", "libx264", 1, "ff", null);
        String html = report(List.of(ResultRow.succeeded("a", "file:/o/a.mp4", r, PLACE, T0, T0.plusSeconds(1))),
                List.of("1/cpu"));

        assertThat(html.indexOf("audio: 3.00 ms")).as("audio first").isPositive()
                .isLessThan(html.indexOf("encode: 2.00 ms"));
        assertThat(html.indexOf("encode: 2.00 ms")).as("an unknown stage last").isLessThan(html.indexOf("zoom: 1.00 ms"));
    }

    @Test
    void modelLoadsReadAsSentences() {
        assertThat(Report.modelLoads(List.of("2/cuda", "1/cpu", "1/cpu"))).as("three loads")
                .isEqualTo("3 loads: executor 1 on cpu ×2, executor 2 on cuda");
        assertThat(Report.modelLoads(List.of("driver"))).as("an entry without a device").isEqualTo("1 load: driver");
    }

    @Test
    void durationsReadLikeAClock() {
        assertThat(Report.duration(Duration.ofMillis(850))).as("under a second").isEqualTo("850 ms");
        assertThat(Report.duration(Duration.ofMillis(12_340))).as("seconds").isEqualTo("12.3 s");
        assertThat(Report.duration(Duration.ofSeconds(245))).as("minutes").isEqualTo("4 min 05 s");
        assertThat(Report.duration(Duration.ofSeconds(3720))).as("hours").isEqualTo("1 h 02 min");
    }

    @Test
    void theRunStartsItsWallTimeBeforeItEnds() {
        RunSummary s = summary(List.of(), List.of());

        assertThat(Duration.between(s.started(), s.finished())).as("duration").isEqualTo(Duration.ofSeconds(2));
    }
}
