package dittospark.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StagedFolderTest {
    @TempDir
    Path dir;

    @Test
    void theWrittenFolderIsMovedIntoPlace() throws Exception {
        Path target = dir.resolve("cache");

        StagedFolder.write(target, folder -> Files.writeString(folder.resolve("a.txt"), "a"));

        assertThat(Files.readString(target.resolve("a.txt"))).as("file in the folder").isEqualTo("a");
        assertThat(listing()).as("folders beside it").containsExactly(target);
    }

    @Test
    void aFolderAnotherWriterPutThereFirstIsKept() throws Exception {
        Path target = Files.createDirectories(dir.resolve("cache"));
        Files.writeString(target.resolve("a.txt"), "first");

        StagedFolder.write(target, folder -> Files.writeString(folder.resolve("a.txt"), "second"));

        assertThat(Files.readString(target.resolve("a.txt"))).as("file in the folder").isEqualTo("first");
        assertThat(listing()).as("folders beside it").containsExactly(target);
    }

    @Test
    void aFailedWriteLeavesNothing() throws Exception {
        Path target = dir.resolve("cache");

        assertThatThrownBy(() -> StagedFolder.write(target, folder -> {
            Files.writeString(folder.resolve("a.txt"), "partial");
            throw new IOException("disk full");
        })).as("failed write").hasMessage("disk full");
        assertThat(listing()).as("folders after the failure").isEmpty();
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
