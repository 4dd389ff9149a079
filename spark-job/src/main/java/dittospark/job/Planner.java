package dittospark.job;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Spreads rows over partitions so that partitions take about equally long: largest cost first, each to
 * the partition with the least total so far (longest-processing-time scheduling).
 */
public final class Planner {
    private Planner() {
    }

    /** {@code partitions} lists of item indexes (none empty when there are enough items). */
    public static List<List<Integer>> balance(List<Double> costs, int partitions) {
        int n = Math.max(1, Math.min(partitions, costs.size()));
        List<List<Integer>> plan = new ArrayList<>();
        double[] load = new double[n];
        for (int p = 0; p < n; p++) {
            plan.add(new ArrayList<>());
        }
        List<Integer> order = IntStream.range(0, costs.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> costs.get(i)).reversed().thenComparing(i -> i))
                .toList();
        for (int i : order) {
            int lightest = 0;
            for (int p = 1; p < n; p++) {
                if (load[p] < load[lightest]) {
                    lightest = p;
                }
            }
            plan.get(lightest).add(i);
            load[lightest] += costs.get(i);
        }
        return plan;
    }
}
