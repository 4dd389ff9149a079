package dittospark.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class StagedFileTest {
    @TempDir
    Path dir;

    @Test
    void theTargetAppearsOnlyWhenPublished() throws Exception {
        Path target = dir.resolve("out/a.mp4");
        try (StagedFile file = StagedFile.beside(target)) {
            Files.writeString(file.path(), "video");

            assertThat(target).as("target before publishing").doesNotExist();
            file.publish();
        }

        assertThat(Files.readString(target)).as("target after publishing").isEqualTo("video");
        assertThat(listing(target.getParent())).as("folder after publishing").containsExactly(target);
    }

    @Test
    void isWrittenUnderAHiddenNameBesideTheTarget() throws Exception {
        Path target = dir.resolve("a.mp4");
        try (StagedFile file = StagedFile.beside(target)) {
            assertThat(file.path().getParent()).as("folder of the staged file").isEqualTo(target.getParent());
            assertThat(file.path().getFileName().toString()).as("name of the staged file").startsWith(".a.mp4.");
        }
    }

    @Test
    void publishingReplacesAnEarlierFile() throws Exception {
        Path target = Files.writeString(dir.resolve("a.mp4"), "stale");
        try (StagedFile file = StagedFile.beside(target)) {
            Files.writeString(file.path(), "fresh");
            file.publish();
        }

        assertThat(Files.readString(target)).as("target").isEqualTo("fresh");
    }

    @Test
    void closingWithoutPublishingDeletesWhatWasWritten() throws Exception {
        try (StagedFile file = StagedFile.beside(dir.resolve("a.mp4"))) {
            Files.writeString(file.path(), "partial");
        }

        assertThat(listing(dir)).as("folder after an unpublished file").isEmpty();
    }

    private static List<Path> listing(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
