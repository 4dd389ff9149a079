package dittospark.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class BatchedStageTest {

    /** A batched stage that doubles each frame and records the batches it was handed. */
    private static FramePipeline.BatchWorkers<Integer, Integer> doubling(List<List<Integer>> batches) {
        return () -> (first, inputs) -> {
            batches.add(List.copyOf(inputs));
            return inputs.stream().map(x -> x * 2).toList();
        };
    }

    @Test
    void severalWorkersOfBatchesHandEveryFrameOnInOrder() {
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        new FramePipeline("t", 8)
                .thenBatched("warp", 3, 4, doubling(Collections.synchronizedList(new ArrayList<>())))
                .run(103, "sink", (int f, Integer x) -> seen.add(x));

        assertThat(seen).as("sink input").containsExactlyElementsOf(IntStream.range(0, 103).map(x -> x * 2).boxed().toList());
    }

    @Test
    void aKnownFrameCountGivesFullConsecutiveBatchesAndAShortLastOne() {
        List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        new FramePipeline("t", 8)
                .thenBatched("warp", 1, 4, doubling(batches))
                .run(10, "sink", (int f, Integer x) -> { });

        assertThat(batches).as("batches handed to the worker")
                .containsExactly(List.of(0, 1, 2, 3), List.of(4, 5, 6, 7), List.of(8, 9));
    }

    @Test
    void aFailingBatchStopsThePipelineNamingItsFirstFrame() {
        StageFailure failure = catchThrowableOfType(StageFailure.class, () -> new FramePipeline("t", 8)
                .thenBatched("warp", 2, 4, () -> (int first, List<Integer> inputs) -> {
                    if (inputs.contains(9)) {
                        throw new IllegalStateException("boom");
                    }
                    return inputs;
                })
                .run(100, "sink", (int f, Integer x) -> { }));

        assertThat(failure).as("failure").isNotNull();
        assertThat(failure.stage()).as("stage").isEqualTo("warp");
        assertThat(failure.frame()).as("first frame of the failing batch").isEqualTo(8);
        assertThat(failure.getCause()).as("cause").hasMessage("boom");
    }

    @Test
    void aBatchOfTooFewResultsIsAFailure() {
        StageFailure failure = catchThrowableOfType(StageFailure.class, () -> new FramePipeline("t", 8)
                .thenBatched("warp", 1, 4, () -> (int first, List<Integer> inputs) -> inputs.subList(0, 1))
                .run(8, "sink", (int f, Integer x) -> { }));

        assertThat(failure.getCause()).as("cause").isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1 results for 4 frames");
    }

    @Test
    void aFeedBatchTakesOnlyTheFramesAlreadyThere() {
        // the feed hands out frame 1 only once frame 0 has reached the sink: a batch waiting for it would hang
        CountDownLatch firstDelivered = new CountDownLatch(1);
        int[] next = {0};
        FramePipeline.Feed feed = () -> {
            if (next[0] == 1 && !firstDelivered.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("frame 0 was held back for a batch");
            }
            return next[0] < 3 ? next[0]++ : -1;
        };
        List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        List<Integer> seen = new ArrayList<>();
        new FramePipeline("t", 8)
                .thenBatched("warp", 1, 4, doubling(batches))
                .run(feed, "sink", (int f, Integer x) -> {
                    seen.add(f);
                    firstDelivered.countDown();
                });

        assertThat(seen).as("frames at the sink").containsExactly(0, 1, 2);
        assertThat(batches.get(0)).as("first batch").containsExactly(0);
    }

    @Test
    void eachWorkerClosesItsBatchedStage() {
        List<Integer> closed = Collections.synchronizedList(new ArrayList<>());
        new FramePipeline("t", 8)
                .thenBatched("warp", 3, 2, () -> new FramePipeline.BatchStage<Integer, Integer>() {
                    @Override
                    public List<Integer> apply(int first, List<Integer> inputs) {
                        return inputs;
                    }

                    @Override
                    public void close() {
                        closed.add(1);
                    }
                })
                .run(20, "sink", (int f, Integer x) -> { });

        assertThat(closed).as("closed stages").hasSize(3);
    }

    @Test
    void anInlineRunHandsABatchedStageFullBatchesAndTheNextStageEveryFrameInOrder() {
        List<List<Integer>> batches = new ArrayList<>();
        List<Integer> seen = new ArrayList<>();
        new FramePipeline("t", 8)
                .thenBatched("warp", 1, 4, doubling(batches))
                .then("label", (int f, Integer x) -> x + 1)
                .runInline(6, "sink", (int f, Integer x) -> seen.add(x));

        assertThat(batches).as("batches handed to the worker").containsExactly(List.of(0, 1, 2, 3), List.of(4, 5));
        assertThat(seen).as("sink input").containsExactly(1, 3, 5, 7, 9, 11);
    }
}
