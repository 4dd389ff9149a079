package dittospark.udf;

import dittospark.engine.DemoModels;
import dittospark.engine.EngineRegistry;
import dittospark.engine.RenderProgress;
import dittospark.errors.ErrorKind;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A task whose GPU cannot be used fails its rows with DEVICE_UNAVAILABLE, as a batch job records them. */
class DeviceUnavailableRowTest {
    @TempDir
    Path dir;

    @Test
    void aRowOnAnUnusableGpuIsAFailedRowNotAJobFailure() throws Exception {
        Path source = Files.writeString(dir.resolve("s.png"), "s");
        Path audio = Files.writeString(dir.resolve("s.wav"), "a");
        ResultRow.Place place = new ResultRow.Place("models", "hash", "cuda:0", "exec-1", 0);
        try (EngineRegistry registry = new EngineRegistry()) {
            RowRenderer renderer = new RowRenderer(request -> registry.engine(DemoModels.folder(), null, "cuda:0")
                    .engine().render(request, RenderProgress.NONE), new Configuration(),
                    Files.createDirectories(dir.resolve("work")), false, "run", place, RowRenderer.DEFAULT_DEADLINE);

            ResultRow row = renderer.render(new RenderTask("a", source.toString(), audio.toString(),
                    dir.resolve("out/a.mp4").toUri().toString(), "en", 7, "{}"));

            assertThat(row.status()).as("status").isEqualTo(RowStatus.FAILED);
            assertThat(row.errorKind()).as("error kind").isEqualTo(ErrorKind.DEVICE_UNAVAILABLE);
            assertThat(row.errorMessage()).as("message").contains("cuda:0");
        }
    }
}
