package dittospark.job;

import dittospark.udf.ResultRow;
import dittospark.udf.RowStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of every row id across runs: the latest run's row for each id, except that a row this run
 * skipped (its video exists) keeps the row of the run that made it, with that run's metrics and id.
 * Ids earlier runs reported and this run did not keep their last row: a catalog grows manifest by manifest.
 */
final class CurrentResults {
    private CurrentResults() {
    }

    /** This run's rows in their order, then the ids only earlier runs reported, in their order. */
    static List<ResultRow> merge(List<ResultRow> previous, List<ResultRow> thisRun) {
        Map<String, ResultRow> earlier = new LinkedHashMap<>();
        for (ResultRow r : previous) {
            // a repeated id is a later, invalid row; the id's state is its first row
            if (r.id() != null) {
                earlier.putIfAbsent(r.id(), r);
            }
        }
        List<ResultRow> current = new ArrayList<>();
        for (ResultRow r : thisRun) {
            ResultRow before = r.id() == null ? null : earlier.remove(r.id());
            current.add(r.status() == RowStatus.SKIPPED && before != null ? before.withLanguage(r.language()) : r);
        }
        current.addAll(earlier.values());
        return current;
    }
}
