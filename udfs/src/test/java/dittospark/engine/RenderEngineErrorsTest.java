package dittospark.engine;

import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import dittospark.media.FfmpegCli;
import dittospark.media.Samples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every error kind from a real bad input: the right kind, an actionable message, and no output left. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RenderEngineErrorsTest {
    @TempDir
    Path work;

    private RenderEngine engine;
    private Path shortSpeech;

    @BeforeAll
    void setUp(@TempDir Path shared) throws Exception {
        FfmpegCli.assumeInstalled();
        engine = DemoModels.engine();
        shortSpeech = Samples.speech(shared, 0, 1);
    }

    @AfterAll
    void tearDown() {
        if (engine != null) {
            engine.close();
        }
    }

    private RenderException failure(RenderEngine with, Path source, Path audio, RenderOptions options) throws Exception {
        Path out = work.resolve("out").resolve("result.mp4");
        Files.createDirectories(out.getParent());
        RenderRequest request = RenderRequest.builder().source(source).audio(audio).output(out).options(options).build();
        RenderException e = catchThrowableOfType(RenderException.class, () -> with.render(request, RenderProgress.NONE));
        assertThat(e).as("render of a bad input fails").isNotNull();
        try (Stream<Path> left = Files.list(out.getParent())) {
            assertThat(left).as("files left in the output folder after a %s failure", e.kind()).isEmpty();
        }
        return e;
    }

    private Path text(String name) throws IOException {
        return Files.writeString(work.resolve(name), "this is not media\n");
    }

    @Test
    void textFileNamedPngIsAnUnreadableSource() throws Exception {
        RenderException e = failure(engine, text("face.png"), shortSpeech, RenderOptions.none());
        assertThat(e.kind()).as("kind").isEqualTo(ErrorKind.SOURCE_UNREADABLE);
        assertThat(e).as("message names the file").hasMessageContaining("face.png");
    }

    @Test
    void zeroLengthWavIsEmptyAudio() throws Exception {
        Path empty = Files.createFile(work.resolve("silence.wav"));
        RenderException e = failure(engine, Samples.file("portrait.png"), empty, RenderOptions.none());
        assertThat(e.kind()).as("kind").isEqualTo(ErrorKind.AUDIO_EMPTY);
    }

    @Test
    void textFileNamedWavIsUnreadableAudio() throws Exception {
        RenderException e = failure(engine, Samples.file("portrait.png"), text("speech.wav"), RenderOptions.none());
        assertThat(e.kind()).as("kind").isEqualTo(ErrorKind.AUDIO_UNREADABLE);
        assertThat(e).as("message names the file").hasMessageContaining("speech.wav");
    }

    @Test
    void pictureWithoutAFaceIsNoFace() throws Exception {
        Path grey = work.resolve("wall.png");
        FfmpegCli.ffmpeg("-f", "lavfi", "-i", "color=c=gray:s=640x480", "-frames:v", "1", grey.toString());
        RenderException e = failure(engine, grey, shortSpeech, RenderOptions.none());
        assertThat(e.kind()).as("kind").isEqualTo(ErrorKind.NO_FACE);
    }

    @Test
    void unknownOptionIsABadOption() {
        RenderException e = catchThrowableOfType(RenderException.class,
                () -> RenderOptions.parse("{\"mouth_size\": 3}"));
        assertThat(e.kind()).as("kind").isEqualTo(ErrorKind.BAD_OPTION);
        assertThat(e).as("message names the option").hasMessageContaining("mouth_size");
    }

    @Test
    void truncatedModelFileIsAModelMismatch() throws Exception {
        Path models = work.resolve("models");
        try (Stream<Path> files = Files.walk(DemoModels.folder())) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = models.resolve(DemoModels.folder().relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        Path decoder = models.resolve("ditto_onnx/decoder.onnx");
        byte[] bytes = Files.readAllBytes(decoder);
        Files.write(decoder, java.util.Arrays.copyOf(bytes, bytes.length / 2), StandardOpenOption.TRUNCATE_EXISTING);
        try (RenderEngine broken = RenderEngine.builder().models(models).build()) {
            RenderException e = failure(broken, Samples.file("portrait.png"), shortSpeech, RenderOptions.none());
            assertThat(e.kind()).as("kind").isEqualTo(ErrorKind.MODEL_MISMATCH);
            assertThat(e).as("message names the model").hasMessageContaining("decoder");
        }
    }

    @Test
    void unwritableOutputIsAnOutputFailure() throws Exception {
        Path blocker = Files.writeString(work.resolve("not-a-folder"), "x");
        RenderRequest request = RenderRequest.builder().source(Samples.file("portrait.png")).audio(shortSpeech)
                .output(blocker.resolve("result.mp4")).options(RenderOptions.parse("{\"max_size\": 256}")).build();
        RenderException e = catchThrowableOfType(RenderException.class, () -> engine.render(request, RenderProgress.NONE));
        assertThat(e.kind()).as("kind").isEqualTo(ErrorKind.OUTPUT_FAILED);
    }
}
