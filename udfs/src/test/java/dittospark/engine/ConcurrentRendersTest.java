package dittospark.engine;

import dittospark.media.MediaFrames;
import dittospark.media.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several rows rendering at once on one engine, as tasks sharing a GPU share an executor's engine and
 * its one set of sessions, give the frames the same rows give one after the other.
 */
class ConcurrentRendersTest {
    private static final int ROWS = 3;

    @TempDir
    Path dir;

    @Test
    void concurrentRendersOnOneEngineGiveTheFramesOfSequentialOnes() throws Exception {
        try (EngineRegistry registry = new EngineRegistry()) {
            RenderEngine engine = registry.engine(DemoModels.folder(), null, "cpu").engine();
            List<List<byte[]>> sequential = new ArrayList<>();
            for (int row = 0; row < ROWS; row++) {
                sequential.add(render(engine, row, "seq"));
            }
            ExecutorService tasks = Executors.newFixedThreadPool(ROWS);
            try {
                List<Future<List<byte[]>>> concurrent = new ArrayList<>();
                for (int row = 0; row < ROWS; row++) {
                    int r = row;
                    concurrent.add(tasks.submit(() -> render(engine, r, "par")));
                }
                for (int row = 0; row < ROWS; row++) {
                    List<byte[]> frames = concurrent.get(row).get();
                    assertThat(frames).as("frames of row %d rendered concurrently", row)
                            .hasSameSizeAs(sequential.get(row));
                    for (int i = 0; i < frames.size(); i++) {
                        assertThat(frames.get(i)).as("frame %d of row %d rendered concurrently", i, row)
                                .isEqualTo(sequential.get(row).get(i));
                    }
                }
            } finally {
                tasks.shutdownNow();
            }
        }
    }

    /** The decoded frames of one row's video. */
    private List<byte[]> render(RenderEngine engine, int row, String tag) throws Exception {
        Path audio = Samples.speech(dir, 0.3 * row, 0.4);
        Path video = dir.resolve(tag + row + ".mp4");
        engine.render(RenderRequest.builder().source(Samples.file("portrait.png")).audio(audio)
                .output(video).seed(11 + row).build(), RenderProgress.NONE);
        return MediaFrames.rgb(video);
    }
}
