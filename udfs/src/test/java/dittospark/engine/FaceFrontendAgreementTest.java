package dittospark.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dittospark.files.LocalFiles;
import dittospark.media.FfmpegCli;
import dittospark.media.Samples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two face front ends place the same crop, within the stated tolerances, on the samples and on
 * faces made from the portrait, and their renders agree; the measured table is written to
 * {@code target/face-frontends.md}. With the demo models these numbers measure the geometry chain
 * (box, landmarks, anchors, crop) of both front ends, not how well real models find faces.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaceFrontendAgreementTest {
    /** Crop centres differ by at most this share of the crop side (measured: 1.14% on every source). */
    private static final double CENTRE_TOLERANCE = 0.02;
    /** Crop sides differ by at most this share (measured: 0 on pictures, 0.57% on the clip). */
    private static final double SIZE_TOLERANCE = 0.01;
    /** The renders are at least this close (measured: 40.6 dB or more). */
    private static final double MIN_PSNR = 36;
    private static final String PORTRAIT = "portrait (sample)";
    private static final String CLIP = "3 s clip (sample, 15 frames)";

    private Path work;
    private RenderEngine engine;
    private DemoRenders renders;
    private JsonNode configDefaults;
    private Path speech;
    private final Map<String, Path> sources = new LinkedHashMap<>();
    private final Map<String, String> table = new TreeMap<>();

    @BeforeAll
    void makeTheFaces() throws Exception {
        FfmpegCli.assumeInstalled();
        work = Files.createTempDirectory("frontends-");
        engine = DemoModels.engine();
        renders = new DemoRenders(DemoModels.engine());
        configDefaults = FaceFrontends.configDefaults(DemoModels.folder());
        speech = Samples.speech(work, 1, 0.6);
        sources.put(PORTRAIT, Samples.file("portrait.png"));
        sources.put(CLIP, Samples.file("portrait_clip_3s.mp4"));
        for (FaceFrontends.Face face : FaceFrontends.MADE) {
            sources.put(face.name(), FaceFrontends.make(face, work));
        }
    }

    @AfterAll
    void writeTheTable() throws Exception {
        if (engine != null) {
            engine.close();
            renders.close();
            Files.writeString(Path.of("target", "face-frontends.md"), "| source | crop side (px) | centre difference (px) "
                    + "| side difference (px) | PSNR of the renders (dB) |\n|---|---|---|---|---|\n"
                    + String.join("", table.values()));
            LocalFiles.deleteRecursively(work);
        }
    }

    Stream<String> sourceNames() {
        return Stream.concat(Stream.of(PORTRAIT, CLIP), FaceFrontends.MADE.stream().map(FaceFrontends.Face::name));
    }

    private static String options(String frontend) {
        return "{\"max_size\": 512, \"template_n_frames\": 15, \"face_frontend\": \"" + frontend + "\"}";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sourceNames")
    void cropsAgree(String source) throws Exception {
        RegisteredSource reference = register(source, "reference");
        RegisteredSource mediaPipe = register(source, "mediapipe");

        double centre = 0;
        double side = 0;
        double size = 0;
        for (int j = 0; j < reference.c2o().size(); j++) {
            FaceFrontends.Crop r = FaceFrontends.Crop.of(reference.c2o().get(j));
            FaceFrontends.Crop m = FaceFrontends.Crop.of(mediaPipe.c2o().get(j));
            centre = Math.max(centre, r.centreDistance(m));
            side = Math.max(side, r.sizeDifference(m));
            size = r.size();
        }
        double psnr = FaceFrontends.psnr(render(source, "reference"), render(source, "mediapipe"));
        table.put(String.format("%d", sourceNames().toList().indexOf(source)), String.format(
                "| %s | %.1f | %.1f (%.2f%%) | %.1f (%.2f%%) | %.1f |%n", source, size, centre, 100 * centre / size, side,
                100 * side / size, psnr));

        assertThat(mediaPipe.c2o()).as("frames located by the mediapipe front end").hasSameSizeAs(reference.c2o());
        assertThat(centre).as("largest crop centre difference on %s, in pixels of a %.0f crop", source, size)
                .isLessThanOrEqualTo(CENTRE_TOLERANCE * size);
        assertThat(side).as("largest crop side difference on %s, in pixels", source)
                .isLessThanOrEqualTo(SIZE_TOLERANCE * size);
        assertThat(psnr).as("PSNR between the two renders of %s, dB", source).isGreaterThanOrEqualTo(MIN_PSNR);
    }

    private RegisteredSource register(String source, String frontend) throws Exception {
        return engine.register(sources.get(source), RenderSettings.of(configDefaults,
                RenderOptions.parse(options(frontend))));
    }

    private List<byte[]> render(String source, String frontend) throws Exception {
        return renders.render(sources.get(source), speech, options(frontend)).frames();
    }
}
