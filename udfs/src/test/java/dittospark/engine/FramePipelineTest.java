package dittospark.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FramePipelineTest {

    @Test
    void deliversEveryFrameInOrderThroughAllStages() {
        List<String> seen = new ArrayList<>();
        new FramePipeline("t", 2)
                .then("double", (int f, Integer x) -> x * 2)
                .then("label", (int f, Integer x) -> f + ":" + x)
                .run(50, "sink", (int f, String s) -> seen.add(s));

        assertThat(seen).as("sink input").hasSize(50).startsWith("0:0", "1:2").endsWith("49:98");
    }

    @Test
    void firstFailureNamesStageAndFrame() {
        StageFailure failure = catchThrowableOfType(StageFailure.class, () -> new FramePipeline("t", 2)
                .then("ok", (int f, Integer x) -> x)
                .then("warp", (int f, Integer x) -> {
                    if (f == 7) {
                        throw new IllegalStateException("boom");
                    }
                    return x;
                })
                .run(100, "sink", (int f, Integer x) -> { }));

        assertThat(failure).as("failure").isNotNull();
        assertThat(failure.stage()).as("stage").isEqualTo("warp");
        assertThat(failure.frame()).as("frame").isEqualTo(7);
        assertThat(failure.getCause()).as("cause").hasMessage("boom");
    }

    @Test
    void failureInTheSinkStopsEveryStageAndLeavesNoThread() {
        StageFailure failure = catchThrowableOfType(StageFailure.class, () -> new FramePipeline("leakcheck", 1)
                .then("slow", (int f, Integer x) -> x)
                .run(10_000, "encode", (int f, Integer x) -> {
                    if (f == 3) {
                        throw new java.io.IOException("disk full");
                    }
                }));

        assertThat(failure.stage()).as("stage").isEqualTo("encode");
        assertThat(Thread.getAllStackTraces().keySet())
                .as("pipeline threads after failure")
                .noneMatch(t -> t.getName().startsWith("leakcheck-"));
    }

    @Test
    void stagesOfConsecutiveFramesOverlap() {
        CountDownLatch secondStageStarted = new CountDownLatch(1);
        List<Boolean> overlapped = new ArrayList<>();
        new FramePipeline("t", 2)
                .then("first", (int f, Integer x) -> {
                    if (f == 1) {
                        // frame 1 of the first stage can only proceed while frame 0 is in the second
                        overlapped.add(secondStageStarted.await(10, TimeUnit.SECONDS));
                    }
                    return x;
                })
                .then("second", (int f, Integer x) -> {
                    secondStageStarted.countDown();
                    return x;
                })
                .run(3, "sink", (int f, Integer x) -> { });

        assertThat(overlapped).as("first stage saw the second stage working on an earlier frame").containsExactly(true);
    }

    @Test
    void aStageOfSeveralWorkersHandsFramesOnInOrder() {
        List<Integer> seen = new ArrayList<>();
        Random jitter = new Random(7);
        int[] delays = jitter.ints(60, 0, 4).toArray();
        new FramePipeline("t", 2)
                .then("slow", 3, () -> (int f, Integer x) -> {
                    // later frames often finish first
                    Thread.sleep(delays[f]);
                    return x;
                })
                .run(60, "sink", (int f, Integer x) -> seen.add(x));

        assertThat(seen).as("frames after a stage of three workers").containsExactlyElementsOf(
                IntStream.range(0, 60).boxed().toList());
    }

    @Test
    void eachWorkerHasItsOwnStageAndClosesIt() {
        List<String> created = Collections.synchronizedList(new ArrayList<>());
        List<String> closed = Collections.synchronizedList(new ArrayList<>());
        new FramePipeline("t", 2)
                .then("own", 3, () -> {
                    String worker = Thread.currentThread().getName();
                    created.add(worker);
                    return new FramePipeline.Stage<Integer, Integer>() {
                        @Override
                        public Integer apply(int frame, Integer x) {
                            return x;
                        }

                        @Override
                        public void close() {
                            closed.add(worker);
                        }
                    };
                })
                .run(20, "sink", (int f, Integer x) -> { });

        assertThat(created).as("threads that made a stage").hasSize(3).doesNotHaveDuplicates();
        assertThat(closed).as("threads that closed their stage").containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void aFailingWorkerStopsTheStageAtTheFirstFailure() {
        List<Integer> seen = new ArrayList<>();
        StageFailure failure = catchThrowableOfType(StageFailure.class, () -> new FramePipeline("parallelfail", 2)
                .then("warp", 3, () -> (int f, Integer x) -> {
                    if (f == 7) {
                        throw new IllegalStateException("boom");
                    }
                    return x;
                })
                .run(10_000, "sink", (int f, Integer x) -> seen.add(f)));

        assertThat(failure.stage()).as("stage").isEqualTo("warp");
        assertThat(failure.frame()).as("frame").isEqualTo(7);
        assertThat(seen).as("frames the sink took: those before the failing one, in order, or fewer")
                .hasSizeLessThanOrEqualTo(7).containsExactlyElementsOf(IntStream.range(0, seen.size()).boxed().toList());
        assertThat(Thread.getAllStackTraces().keySet()).as("pipeline threads after failure")
                .noneMatch(t -> t.getName().startsWith("parallelfail-"));
    }

    @Test
    void reportsTimePerStage() {
        FramePipeline pipeline = new FramePipeline("t", 2).then("work", (int f, Integer x) -> x);
        pipeline.run(5, "sink", (int f, Integer x) -> { });

        assertThat(pipeline.stageSeconds()).as("stage timings").containsKeys("work", "sink");
    }

    @Test
    void inlineRunGivesTheSameFramesOnTheCallingThread() {
        List<String> seen = new ArrayList<>();
        List<String> threads = new ArrayList<>();
        new FramePipeline("t", 2)
                .then("double", (int f, Integer x) -> {
                    threads.add(Thread.currentThread().getName());
                    return x * 2;
                })
                .then("label", (int f, Integer x) -> f + ":" + x)
                .runInline(50, "sink", (int f, String s) -> seen.add(s));

        assertThat(seen).as("sink input").hasSize(50).startsWith("0:0", "1:2").endsWith("49:98");
        assertThat(threads).as("threads the stage ran on").containsOnly(Thread.currentThread().getName());
    }

    @Test
    void inlineRunStopsAtTheFirstFailureAndClosesEveryStage() {
        List<String> closed = new ArrayList<>();
        List<Integer> sunk = new ArrayList<>();
        StageFailure failure = catchThrowableOfType(StageFailure.class, () -> new FramePipeline("t", 2)
                .then("ok", 1, () -> new FramePipeline.Stage<Integer, Integer>() {
                    @Override
                    public Integer apply(int f, Integer x) {
                        return x;
                    }

                    @Override
                    public void close() {
                        closed.add("ok");
                    }
                })
                .then("warp", 1, () -> new FramePipeline.Stage<Integer, Integer>() {
                    @Override
                    public Integer apply(int f, Integer x) {
                        if (f == 4) {
                            throw new IllegalStateException("boom");
                        }
                        return x;
                    }

                    @Override
                    public void close() {
                        closed.add("warp");
                    }
                })
                .runInline(100, "sink", (int f, Integer x) -> sunk.add(x)));

        assertThat(failure.stage()).as("stage").isEqualTo("warp");
        assertThat(failure.frame()).as("frame").isEqualTo(4);
        assertThat(sunk).as("frames before the failing one").containsExactly(0, 1, 2, 3);
        assertThat(closed).as("stages closed").containsExactly("ok", "warp");
    }

    @Test
    void aFeedOfUnknownLengthRunsUntilItEnds() {
        List<Integer> seen = new ArrayList<>();
        int[] next = {0};
        new FramePipeline("t", 2)
                .then("same", (int f, Integer x) -> x)
                .run(() -> next[0] < 12 ? next[0]++ : -1, "sink", (int f, Integer x) -> seen.add(x));

        assertThat(seen).as("frames the sink took").isEqualTo(IntStream.range(0, 12).boxed().toList());
    }

    @Test
    void aFailingFeedStopsThePipelineWithItsCause() {
        StageFailure failure = catchThrowableOfType(StageFailure.class, () -> new FramePipeline("t", 2)
                .then("same", (int f, Integer x) -> x)
                .run(() -> {
                    throw new IllegalStateException("no motion");
                }, "sink", (int f, Integer x) -> { }));

        assertThat(failure.getCause()).as("cause").hasMessage("no motion");
    }

    @Test
    void interruptingTheRunningThreadStopsEveryStageAndLeavesNoThread() {
        Thread caller = Thread.currentThread();
        // a stream that never ends: only the interrupt stops it
        int[] next = {0};
        StageFailure failure;
        try {
            failure = catchThrowableOfType(StageFailure.class, () -> new FramePipeline("interrupted", 1)
                    .then("same", (int f, Integer x) -> x)
                    .run(() -> next[0]++, "encode", (int f, Integer x) -> {
                        if (f == 3) {
                            caller.interrupt();
                        }
                    }));
        } finally {
            Thread.interrupted();
        }

        assertThat(failure.getCause()).as("cause").isInstanceOf(InterruptedException.class);
        assertThat(Thread.getAllStackTraces().keySet()).as("pipeline threads after the interrupt")
                .noneMatch(t -> t.getName().startsWith("interrupted-"));
    }
}
