package dittospark.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import dittospark.files.LocalFiles;
import dittospark.media.FfmpegCli;
import dittospark.media.Samples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The mediapipe front end renders from a model folder that lacks the reference's three face models. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaceFrontendRenderTest {
    private static final List<String> REFERENCE_ONLY = List.of("insightface_det.onnx", "landmark106.onnx",
            "landmark203.onnx");
    private static final String MEDIAPIPE = "{\"max_size\": 256, \"template_n_frames\": 10, \"face_frontend\": \"mediapipe\"}";

    private Path work;
    private Path folder;
    private DemoRenders renders;
    private Path speech;

    @BeforeAll
    void copyTheDemoSetWithoutTheReferenceFaceModels() throws Exception {
        FfmpegCli.assumeInstalled();
        work = Files.createTempDirectory("mediapipe-only-");
        folder = work.resolve("models");
        Path demo = DemoModels.folder();
        try (Stream<Path> files = Files.walk(demo)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (!REFERENCE_ONLY.contains(file.getFileName().toString())) {
                    Path copy = folder.resolve(demo.relativize(file).toString());
                    Files.createDirectories(copy.getParent());
                    Files.copy(file, copy);
                }
            }
        }
        renders = new DemoRenders(RenderEngine.builder().models(folder).build());
        speech = Samples.speech(work, 1, 0.4);
    }

    @AfterAll
    void cleanUp() throws Exception {
        if (renders != null) {
            renders.close();
        }
        LocalFiles.deleteRecursively(work);
    }

    @Test
    void thePortraitRendersWithoutThem() throws Exception {
        DemoRenders.Rendered r = renders.render(Samples.file("portrait.png"), speech, MEDIAPIPE);

        assertThat(r.frames()).as("frames of 0.4 s of speech").hasSize(10);
    }

    @Test
    void theClipRendersWithoutThem() throws Exception {
        DemoRenders.Rendered r = renders.render(Samples.file("portrait_clip_3s.mp4"), speech, MEDIAPIPE);

        assertThat(r.width()).as("width of the render of the 720x720 clip at max_size 256").isEqualTo(256);
        assertThat(r.frames()).as("frames of 0.4 s of speech").hasSize(10);
    }

    @Test
    void theReferenceFrontEndStillNeedsThem() {
        RenderException e = catchThrowableOfType(RenderException.class,
                () -> renders.render(Samples.file("portrait.png"), speech, "{\"max_size\": 256}"));

        assertThat(e).as("failure of a reference render without its face models").isNotNull();
        assertThat(e.kind()).as("its kind").isEqualTo(ErrorKind.MODEL_MISMATCH);
        assertThat(e.getMessage()).as("its message").contains("insightface_det");
    }

    @Test
    void aFolderWhoseConfigChoosesMediapipeLocatesTheFaceWithBlazeFace() throws Exception {
        Path config = folder.resolve("ditto_cfg/v0.4_hubert_cfg_trt.json");
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(config.toFile());
        json.remove("face_detector");
        ((ObjectNode) json.get("default_kwargs")).put("face_frontend", "mediapipe");
        Path mediapipeConfig = work.resolve("mediapipe_cfg.json");
        new ObjectMapper().writeValue(mediapipeConfig.toFile(), json);

        try (RenderEngine engine = RenderEngine.builder().models(folder).config(mediapipeConfig).build()) {
            assertThat(engine.faceBox(Samples.file("portrait.png"))).as("face box without the reference's detector")
                    .isPresent();
        }
    }
}
