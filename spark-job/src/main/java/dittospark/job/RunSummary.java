package dittospark.job;

import dittospark.udf.ResultRow;
import dittospark.udf.RowStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The figures of one run.
 *
 * @param phaseSeconds wall seconds of the job's phases (read, validate, plan, render, write), in order
 * @param modelLoads   the engines loaded over all executors, as "executor/device"
 * @param started      when the job started, {@code wallSeconds} before {@code finished}
 * @param finished     when the rows' results were in, just before they are written
 */
public record RunSummary(String runId, String manifest, String out, String models, String master, int partitions,
                         List<String> modelLoads, int rows, int succeeded, int failed, int skipped, long framesRendered,
                         double wallSeconds, Map<String, Double> phaseSeconds, Instant started, Instant finished) {

    public static RunSummary of(String runId, String manifest, String out, String models, String master,
                                int partitions, List<String> modelLoads, List<ResultRow> results, double wallSeconds,
                                Map<String, Double> phaseSeconds) {
        Instant finished = Instant.now();
        return new RunSummary(runId, manifest, out, models, master, partitions, modelLoads, results.size(),
                count(results, RowStatus.SUCCEEDED), count(results, RowStatus.FAILED),
                count(results, RowStatus.SKIPPED),
                results.stream().map(ResultRow::frames).filter(Objects::nonNull).mapToLong(Integer::longValue).sum(),
                wallSeconds, phaseSeconds, finished.minus(Duration.ofNanos(Math.round(wallSeconds * 1e9))), finished);
    }

    /** Frames rendered per second of the run's wall time. */
    public double fps() {
        return wallSeconds > 0 ? framesRendered / wallSeconds : 0;
    }

    /** The console's last line. */
    public String line() {
        return String.format(Locale.ROOT,
                "dittospark batch: %d rows, %d succeeded, %d failed, %d skipped, wall %.1f s, %.1f fps",
                rows, succeeded, failed, skipped, wallSeconds, fps());
    }

    private static int count(List<ResultRow> results, RowStatus status) {
        return (int) results.stream().filter(r -> r.status() == status).count();
    }
}
