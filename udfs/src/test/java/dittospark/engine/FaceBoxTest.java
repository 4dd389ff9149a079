package dittospark.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import dittospark.face.FaceBox;
import dittospark.media.FfmpegCli;
import dittospark.media.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

/** The engine's face probe on the first frame of a source. */
class FaceBoxTest {
    private static final String CONFIG = "ditto_cfg/v0.4_hubert_cfg_trt.json";
    /** The Haar cascade runs on a copy at most 640 pixels wide either way: boxes agree to a few pixels there. */
    private static final float TOLERANCE_OF_WIDTH = 0.05f;

    @TempDir
    Path dir;

    @Test
    void aSourceLoadedSmallerReportsItsBoxInSourcePixels() throws Exception {
        Path portrait = Samples.file("portrait.png");
        FaceBox full;
        FaceBox small;
        try (RenderEngine engine = DemoModels.engine(); RenderEngine shrinking = engineWithMaxSize(512)) {
            full = engine.faceBox(portrait).orElseThrow();
            small = shrinking.faceBox(portrait).orElseThrow();
        }

        float tolerance = full.width() * TOLERANCE_OF_WIDTH;
        assertThat(small.x1()).as("left edge").isCloseTo(full.x1(), within(tolerance));
        assertThat(small.y1()).as("top edge").isCloseTo(full.y1(), within(tolerance));
        assertThat(small.x2()).as("right edge").isCloseTo(full.x2(), within(tolerance));
        assertThat(small.y2()).as("bottom edge").isCloseTo(full.y2(), within(tolerance));
    }

    @Test
    void aPictureWithoutAFaceHasNoBox() throws Exception {
        FfmpegCli.assumeInstalled();
        Path grey = dir.resolve("grey.png");
        FfmpegCli.ffmpeg("-f", "lavfi", "-i", "color=c=gray:s=320x240", "-frames:v", "1", grey.toString());

        Optional<FaceBox> box;
        try (RenderEngine engine = DemoModels.engine()) {
            box = engine.faceBox(grey);
        }

        assertThat(box).as("face box of a plain grey picture").isEmpty();
    }

    @Test
    void anUnreadableSourceIsASourceError() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.png"), "not a picture");

        RenderException e;
        try (RenderEngine engine = DemoModels.engine()) {
            e = catchThrowableOfType(RenderException.class, () -> engine.faceBox(text));
        }

        assertThat(e.kind()).as("error kind").isEqualTo(ErrorKind.SOURCE_UNREADABLE);
    }

    private RenderEngine engineWithMaxSize(int maxSize) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode config = (ObjectNode) json.readTree(DemoModels.folder().resolve(CONFIG).toFile());
        ((ObjectNode) config.get("default_kwargs")).put("max_size", maxSize);
        Path file = dir.resolve("small.json");
        json.writeValue(file.toFile(), config);
        return RenderEngine.builder().models(DemoModels.folder()).config(file).build();
    }
}
