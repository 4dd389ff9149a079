package dittospark.job;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class OutputLeaseTest {
    @TempDir
    java.nio.file.Path dir;

    private final Configuration conf = new Configuration();

    @Test
    void aSecondClaimFailsNamingTheRunThatHoldsTheFolder() throws Exception {
        Path out = new Path(dir.toUri().toString(), "out");
        try (OutputLease ignored = OutputLease.acquire(out, "run-a", conf)) {
            JobException e = catchThrowableOfType(JobException.class, () -> OutputLease.acquire(out, "run-b", conf));

            assertThat(e.getMessage()).as("message").contains("is in use by run run-a").contains("choose another --out");
        }
    }

    @Test
    void aReleasedFolderCanBeClaimedAgain() throws Exception {
        Path out = new Path(dir.toUri().toString(), "out");
        OutputLease.acquire(out, "run-a", conf).close();

        try (OutputLease lease = OutputLease.acquire(out, "run-b", conf)) {
            assertThat(lease.held()).as("held by the second run").isTrue();
        }
        assertThat(dir.resolve("out").resolve(OutputLease.NAME)).as("lease file after release").doesNotExist();
    }

    @Test
    void aLeaseNotRenewedForTheStaleTimeIsTakenOver() throws Exception {
        java.nio.file.Path out = Files.createDirectories(dir.resolve("out"));
        Instant old = Instant.now().minus(OutputLease.STALE).minusSeconds(60);
        Files.writeString(out.resolve(OutputLease.NAME), "{\"run\":\"dead-run\",\"host\":\"h\",\"started\":\"" + old
                + "\",\"renewed\":\"" + old + "\"}");

        try (OutputLease lease = OutputLease.acquire(new Path(out.toUri()), "run-b", conf)) {
            assertThat(lease.held()).as("held by the new run").isTrue();
        }
    }

    @Test
    void aFreshLeaseThatCannotBeReadYetIsNotTakenOver() throws Exception {
        java.nio.file.Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve(OutputLease.NAME), "");

        JobException e = catchThrowableOfType(JobException.class,
                () -> OutputLease.acquire(new Path(out.toUri()), "run-b", conf));

        assertThat(e).as("failure to claim a folder whose lease is being written").isNotNull();
        assertThat(Files.readString(out.resolve(OutputLease.NAME))).as("the other run's lease file").isEmpty();
    }

    @Test
    void runIdsStartedInTheSameSecondDiffer() {
        Set<String> ids = new HashSet<>();
        IntStream.range(0, 100).forEach(i -> ids.add(BatchJob.runId()));

        assertThat(ids).as("distinct run ids of 100 runs").hasSize(100);
    }
}
