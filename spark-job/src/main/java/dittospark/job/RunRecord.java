package dittospark.job;

import java.time.Duration;
import java.time.Instant;

/** What the report's list of runs shows of one run of the same output folder. */
public record RunRecord(String runId, Instant started, Instant finished, int rows, int succeeded, int failed,
                        int skipped) {

    public static RunRecord of(RunSummary s) {
        return new RunRecord(s.runId(), s.started(), s.finished(), s.rows(), s.succeeded(), s.failed(), s.skipped());
    }

    public Duration duration() {
        return Duration.between(started, finished);
    }
}
