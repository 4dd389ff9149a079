package dittospark.job;

import dittospark.udf.RowRenderer;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** What a run tells while it works: the progress line on its console and its jobs' descriptions in the UI. */
class BatchProgressTest {
    private static final Path SAMPLES = Path.of(System.getProperty("samples.dir"));

    @TempDir
    Path dir;

    /** Three rows to render on the fake models: one skipped for its existing output, two failing. */
    private String runThreeRows(PrintStream console) throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("done.mp4"), "an earlier run's output");
        String inputs = "," + SAMPLES.resolve("portrait.png") + "," + SAMPLES.resolve("speech_24k.wav") + "\n";
        Path manifest = Files.writeString(dir.resolve("m.csv"), "id,source,audio\n"
                + "done" + inputs + "a" + inputs + "b" + inputs + "bad id!,p.png,s.wav\n");
        return new BatchJob(TestSpark.session(), console).run(new BatchOptions(manifest.toString(), out.toString(),
                BatchJobTest.fakeModels(dir.resolve("models")).toString(), null, false, null, 2,
                RowRenderer.DEFAULT_DEADLINE)).runId();
    }

    @Test
    void theConsoleShowsTheRowsRenderedOfTheRowsToRender() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        runThreeRows(new PrintStream(console, true, StandardCharsets.UTF_8));

        assertThat(console.toString(StandardCharsets.UTF_8)).as("console of the run")
                .contains("rendered 3/3 rows (0 succeeded, 2 failed, 1 skipped), 0.0 fps, done\n");
    }

    @Test
    void eachSparkJobOfTheRunSaysWhichStepItIs() throws Exception {
        List<String> descriptions = new CopyOnWriteArrayList<>();
        SparkListener jobs = new SparkListener() {
            @Override
            public void onJobStart(SparkListenerJobStart start) {
                descriptions.add(start.properties().getProperty(JobGroup.DESCRIPTION));
            }
        };
        TestSpark.session().sparkContext().addSparkListener(jobs);
        String runId;
        try {
            runId = runThreeRows(new PrintStream(new ByteArrayOutputStream()));
            // Spark-private in Scala, public to Java: the bus delivers events on a thread of its own
            TestSpark.session().sparkContext().listenerBus().waitUntilEmpty();
        } finally {
            TestSpark.session().sparkContext().removeSparkListener(jobs);
        }

        String run = "dittospark batch " + runId + ": ";
        assertThat(descriptions).as("descriptions of the run's Spark jobs")
                .contains(run + "render 3 rows over 2 partitions")
                .anyMatch(d -> d.startsWith(run + "read the manifest ") && d.endsWith("m.csv"))
                .anyMatch(d -> d.startsWith(run + "write the results into ") && d.endsWith("out"));
    }

    @Test
    void onATerminalTheLineIsRewrittenInPlace() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        RowCounters counters = new RowCounters(TestSpark.session().sparkContext());

        new ConsoleProgress(TestSpark.session().sparkContext(), counters, 5,
                new PrintStream(console, true, StandardCharsets.UTF_8), true, Duration.ofHours(1)).close();

        assertThat(console.toString(StandardCharsets.UTF_8)).as("terminal output of a run that rendered nothing")
                .isEqualTo("\rrendered 0/5 rows (0 succeeded, 0 failed, 0 skipped), 0.0 fps, time left unknown\n");
    }
}
