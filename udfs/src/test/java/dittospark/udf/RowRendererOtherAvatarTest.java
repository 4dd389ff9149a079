package dittospark.udf;

import dittospark.engine.RenderRequest;
import dittospark.engine.RenderResult;
import dittospark.errors.ErrorKind;
import dittospark.options.Options;
import dittospark.video.SourceKind;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** A row's {@code ch_info} names another source by URI: it is fetched like the row's own, and the engine reads the copy. */
class RowRendererOtherAvatarTest {
    private static final ResultRow.Place PLACE = new ResultRow.Place("models", "hash", "cpu", "exec-1", 0);

    @TempDir
    Path dir;

    private final AtomicReference<RenderRequest> seen = new AtomicReference<>();

    private ResultRow render(String options) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("s.png"), "source");
        Files.writeString(in.resolve("s.wav"), "audio");
        RowRenderer renderer = new RowRenderer(request -> {
            seen.set(request);
            try {
                Files.writeString(request.output(), "video");
            } catch (java.io.IOException e) {
                throw new dittospark.errors.RenderException(ErrorKind.OUTPUT_FAILED, e.getMessage(), e);
            }
            return new RenderResult(SourceKind.IMAGE, 8, 6, 25, 1.0, 0.5, Map.of(), "cpu", "libx264", 5, "00", null);
        }, new Configuration(), Files.createDirectories(dir.resolve("work")), false, "run", PLACE,
                RowRenderer.DEFAULT_DEADLINE);
        return renderer.render(new RenderTask("a", in.resolve("s.png").toString(), in.resolve("s.wav").toString(),
                dir.resolve("out/a.mp4").toUri().toString(), "en", 7, options));
    }

    @Test
    void theEngineGetsTheOtherSourceAsALocalFile() throws Exception {
        Path other = Files.writeString(Files.createDirectories(dir.resolve("avatars")).resolve("other.png"), "other");

        ResultRow row = render("{\"ch_info\": \"" + other.toUri() + "\"}");

        assertThat(row.status()).as("status").isEqualTo(RowStatus.SUCCEEDED);
        assertThat(Path.of(seen.get().options().get(Options.CH_INFO).asText())).as("ch_info the engine reads")
                .isEqualTo(other);
    }

    @Test
    void aMissingOtherSourceFailsTheRowAsAnUnreadableSource() throws Exception {
        ResultRow row = render("{\"ch_info\": \"" + dir.resolve("avatars/none.png").toUri() + "\"}");

        assertThat(row.status()).as("status").isEqualTo(RowStatus.FAILED);
        assertThat(row.errorKind()).as("error kind").isEqualTo(ErrorKind.SOURCE_UNREADABLE);
        assertThat(row.errorMessage()).as("message").contains("ch_info source");
        assertThat(seen.get()).as("request rendered").isNull();
    }
}
