package dittospark.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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
    void reportsTimePerStage() {
        FramePipeline pipeline = new FramePipeline("t", 2).then("work", (int f, Integer x) -> x);
        pipeline.run(5, "sink", (int f, Integer x) -> { });

        assertThat(pipeline.stageSeconds()).as("stage timings").containsKeys("work", "sink");
    }
}
