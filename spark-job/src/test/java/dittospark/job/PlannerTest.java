package dittospark.job;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlannerTest {
    @Test
    void placesEveryRowOnce() {
        List<List<Integer>> plan = Planner.balance(List.of(5.0, 1.0, 3.0, 3.0, 2.0, 8.0), 3);

        assertThat(plan.stream().flatMap(List::stream)).as("planned rows").containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
    }

    @Test
    void balancesTheCostOfPartitions() {
        List<Double> costs = List.of(8.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0);

        List<List<Integer>> plan = Planner.balance(costs, 2);

        assertThat(plan).as("partitions").hasSize(2);
        assertThat(plan.stream().map(p -> p.stream().mapToDouble(costs::get).sum()))
                .as("cost per partition").containsExactlyInAnyOrder(8.0, 8.0);
    }

    @Test
    void neverMakesMorePartitionsThanRows() {
        assertThat(Planner.balance(List.of(1.0, 2.0), 8)).as("partitions for two rows").hasSize(2);
    }
}
