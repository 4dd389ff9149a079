package dittospark.job;

import dittospark.udf.RowRenderer;
import org.apache.spark.SparkContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The batch job's Spark job group, and the caller's group around it. */
class JobGroupTest {
    private final SparkContext spark = TestSpark.session().sparkContext();

    @TempDir
    Path dir;

    @AfterEach
    void clearThisThreadsGroup() {
        spark.clearJobGroup();
    }

    /** A run that renders nothing: its only row is invalid, but Spark still reads and writes. */
    private RunSummary runWithoutRenders() throws Exception {
        Path manifest = Files.writeString(dir.resolve("m.csv"), "id,source,audio\nbad id!,p.png,s.wav\n");
        return new BatchJob(TestSpark.session(), new PrintStream(new ByteArrayOutputStream()))
                .run(new BatchOptions(manifest.toString(), dir.resolve("out").toString(),
                        BatchJobTest.fakeModels(dir.resolve("models")).toString(), null, false, null, 1,
                        RowRenderer.DEFAULT_DEADLINE));
    }

    private List<String> group() {
        return Arrays.asList(spark.getLocalProperty(JobGroup.ID), spark.getLocalProperty(JobGroup.DESCRIPTION),
                spark.getLocalProperty(JobGroup.INTERRUPT_ON_CANCEL));
    }

    @Test
    void theRunsSparkJobsBelongToItsGroup() throws Exception {
        RunSummary summary = runWithoutRenders();

        assertThat(spark.statusTracker().getJobIdsForGroup(summary.runId())).as("jobs of group " + summary.runId())
                .isNotEmpty();
    }

    @Test
    void theCallersGroupComesBackAfterTheRun() throws Exception {
        spark.setJobGroup("notebook-cell-7", "the caller's own work", false);

        runWithoutRenders();

        assertThat(group()).as("job group, description and interrupt flag after the run")
                .containsExactly("notebook-cell-7", "the caller's own work", "false");
    }

    @Test
    void theCallersGroupComesBackAfterAFailedRun() {
        spark.setJobGroup("notebook-cell-8", "the caller's own work", false);
        Path manifest = dir.resolve("m.csv");

        ManifestException e = catchThrowableOfType(ManifestException.class, () -> new BatchJob(TestSpark.session(),
                new PrintStream(new ByteArrayOutputStream())).run(new BatchOptions(
                Files.writeString(manifest, "name\na\n").toString(), dir.resolve("out").toString(),
                dir.resolve("models").toString(), null, false, null, 1, RowRenderer.DEFAULT_DEADLINE)));

        assertThat(e).as("failure of a manifest without the required columns").isNotNull();
        assertThat(group()).as("job group, description and interrupt flag after the failed run")
                .containsExactly("notebook-cell-8", "the caller's own work", "false");
    }

    @Test
    void aCallerWithoutAGroupHasNoneAfterTheRun() throws Exception {
        runWithoutRenders();

        assertThat(group()).as("job group, description and interrupt flag after the run")
                .containsExactly(null, null, null);
    }
}
