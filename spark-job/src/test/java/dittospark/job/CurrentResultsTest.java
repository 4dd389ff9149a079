package dittospark.job;

import dittospark.errors.ErrorKind;
import dittospark.udf.ResultRow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CurrentResultsTest {
    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aSkippedRowKeepsTheRowOfTheRunThatMadeItsVideo() {
        ResultRow made = failed("a").withRun("run-1");
        ResultRow skipped = ResultRow.skipped("a", "file:/out/a.mp4", ResultRow.Place.DRIVER, T, T).withRun("run-2");

        List<ResultRow> current = CurrentResults.merge(List.of(made), List.of(skipped));

        assertThat(current).as("current state").containsExactly(made);
    }

    @Test
    void aRowRenderedAgainReplacesTheEarlierOne() {
        ResultRow earlier = ResultRow.skipped("a", "file:/out/a.mp4", ResultRow.Place.DRIVER, T, T).withRun("run-1");
        ResultRow again = failed("a").withRun("run-2");

        assertThat(CurrentResults.merge(List.of(earlier), List.of(again))).as("current state").containsExactly(again);
    }

    @Test
    void aSkippedRowWithNoEarlierRowStaysSkipped() {
        ResultRow skipped = ResultRow.skipped("a", "file:/out/a.mp4", ResultRow.Place.DRIVER, T, T).withRun("run-2");

        assertThat(CurrentResults.merge(List.of(), List.of(skipped))).as("current state").containsExactly(skipped);
    }

    @Test
    void idsOnlyEarlierRunsReportedFollowThisRunsRows() {
        ResultRow old = failed("old").withRun("run-1");
        ResultRow now = failed("new").withRun("run-2");

        assertThat(CurrentResults.merge(List.of(old), List.of(now))).as("current state").containsExactly(now, old);
    }

    private static ResultRow failed(String id) {
        return ResultRow.failed(id, "file:/out/" + id + ".mp4", ErrorKind.NO_FACE, "no face", ResultRow.Place.DRIVER, T, T);
    }
}
