package dittospark.udf;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutputPublisherTest {
    private final OutputPublisher publisher = new OutputPublisher(new Configuration(), "run-1");

    @TempDir
    Path dir;

    @Test
    void publishesTheCompleteFileAndNothingElse() throws IOException {
        Path local = write(dir.resolve("local.mp4"), "complete video");
        Path out = dir.resolve("out");

        publisher.publish(local, out.resolve("a.mp4").toUri().toString(), false);

        assertThat(names(out)).as("files in the output folder").containsExactly("a.mp4");
        assertThat(Files.readString(out.resolve("a.mp4"))).as("published content").isEqualTo("complete video");
    }

    @Test
    void keepsAnExistingOutputWhenNotOverwriting() throws IOException {
        Path target = write(dir.resolve("a.mp4"), "first attempt");

        publisher.publish(write(dir.resolve("local.bin"), "second attempt"), target.toUri().toString(), false);

        assertThat(Files.readString(target)).as("content after a second publish").isEqualTo("first attempt");
        assertThat(names(dir)).as("files in the folder").containsExactlyInAnyOrder("a.mp4", "local.bin");
    }

    @Test
    void replacesAnExistingOutputWhenOverwriting() throws IOException {
        Path target = write(dir.resolve("a.mp4"), "old");

        publisher.publish(write(dir.resolve("local.bin"), "new"), target.toUri().toString(), true);

        assertThat(Files.readString(target)).as("content after an overwriting publish").isEqualTo("new");
    }

    @Test
    void aFailedPublishLeavesNeitherOutputNorTemporaryFile() {
        Path out = dir.resolve("out");

        assertThatThrownBy(() -> publisher.publish(dir.resolve("missing.mp4"), out.resolve("a.mp4").toUri().toString(), false))
                .as("publishing a file that does not exist").isInstanceOf(IOException.class);

        assertThat(names(out)).as("files in the output folder after a failed publish").isEmpty();
    }

    @Test
    void concurrentAttemptsLeaveOneCompleteCopy() throws Exception {
        Path out = dir.resolve("out");
        String target = out.resolve("a.mp4").toUri().toString();
        List<String> contents = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String content = ("attempt " + i + " ").repeat(20_000);
                contents.add(content);
                Path local = write(dir.resolve("local-" + i), content);
                runs.add(pool.submit(() -> {
                    publisher.publish(local, target, false);
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(names(out)).as("files in the output folder").containsExactly("a.mp4");
        assertThat(contents).as("the published file is one attempt's complete content")
                .contains(Files.readString(out.resolve("a.mp4")));
    }

    @Test
    void aSweepRemovesOnlyTheRunsLeftovers() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        write(out.resolve(OutputPublisher.TEMP_PREFIX + "run-1-x-a.mp4"), "left by a killed task");
        write(out.resolve(OutputPublisher.TEMP_PREFIX + "run-2-y-b.mp4"), "another run, still publishing");
        write(out.resolve("c.mp4"), "published");

        OutputPublisher.sweep(out.toUri().toString(), "run-1", new Configuration());

        assertThat(names(out)).as("files after the sweep")
                .containsExactly(OutputPublisher.TEMP_PREFIX + "run-2-y-b.mp4", "c.mp4");
    }

    private static Path write(Path file, String content) throws IOException {
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    static List<String> names(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
