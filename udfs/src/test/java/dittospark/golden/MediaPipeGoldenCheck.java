package dittospark.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dittospark.face.BlazeDetection;
import dittospark.face.BlazeFaceCodec;
import dittospark.face.FaceMeshCodec;
import dittospark.face.FaceRoi;
import org.junit.jupiter.api.DynamicTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mediapipe.json} with {@code blaze_raw_boxes.npy} and {@code blaze_raw_scores.npy}: BlazeFace
 * anchors, decode + weighted NMS of the raw outputs, the ROI of the first detection on the 512 crop,
 * and the Face Mesh projection. Tolerance: 1e-5 relative (pure float arithmetic).
 */
public final class MediaPipeGoldenCheck implements GoldenCheck {
    private static final String JSON_FILE = "mediapipe.json";
    private static final String RAW_BOXES = "blaze_raw_boxes.npy";
    private static final String RAW_SCORES = "blaze_raw_scores.npy";
    /** The ROI is taken on the registration crop, whose size the pipeline fixes (PIPELINE.md section 3). */
    private static final int CROP_SIZE = 512;
    private static final int DETECTION_WIDTH = BlazeFaceCodec.NUM_COORDS + 1;

    @Override
    public Set<String> claims(Path goldenDir) {
        return Set.of(JSON_FILE, RAW_BOXES, RAW_SCORES);
    }

    @Override
    public Stream<DynamicTest> tests(Path goldenDir) {
        JsonNode golden = read(goldenDir.resolve(JSON_FILE));
        return Stream.of(
                DynamicTest.dynamicTest("anchors", () -> anchors(golden)),
                DynamicTest.dynamicTest("decode and weighted NMS", () -> detections(goldenDir, golden)),
                DynamicTest.dynamicTest("ROI of the first detection", () -> roi(golden)),
                DynamicTest.dynamicTest("Face Mesh projection", () -> projection(golden)));
    }

    private static void anchors(JsonNode golden) {
        double[] actual = Arrays.stream(BlazeFaceCodec.anchors()).flatMapToDouble(Arrays::stream).toArray();
        GoldenFiles.assertClose("anchors", actual, GoldenFiles.flat(golden.get("anchors")));
    }

    private static void detections(Path dir, JsonNode golden) throws IOException {
        float[] boxes = Npy.read(dir.resolve(RAW_BOXES)).floats();
        float[] scores = Npy.read(dir.resolve(RAW_SCORES)).floats();
        List<BlazeDetection> found = BlazeFaceCodec.decode(boxes, scores);
        JsonNode expected = golden.get("detections");
        assertThat(found).as("number of detections after weighted NMS").hasSize(expected.size());
        double[] actual = found.stream().map(MediaPipeGoldenCheck::row).flatMapToDouble(Arrays::stream).toArray();
        GoldenFiles.assertClose("detections", actual, GoldenFiles.flat(expected));
    }

    private static void roi(JsonNode golden) {
        BlazeDetection first = detection(GoldenFiles.flat(golden.get("detections").get(0)));
        FaceRoi roi = FaceRoi.fromDetection(first, CROP_SIZE, CROP_SIZE);
        GoldenFiles.assertClose("roi", values(roi), GoldenFiles.flat(golden.get("roi")));
    }

    private static void projection(JsonNode golden) {
        double[] r = GoldenFiles.flat(golden.get("roi"));
        FaceRoi roi = new FaceRoi(r[0], r[1], r[2], r[3], r[4]);
        float[] mesh = GoldenFiles.toFloat(GoldenFiles.flat(golden.get("mesh_raw")));
        GoldenFiles.assertClose("projected mesh", FaceMeshCodec.projectLandmarks(mesh, roi),
                GoldenFiles.flat(golden.get("mesh_projected")));
    }

    private static double[] row(BlazeDetection d) {
        double[] row = new double[DETECTION_WIDTH];
        row[0] = d.xMin();
        row[1] = d.yMin();
        row[2] = d.xMax();
        row[3] = d.yMax();
        System.arraycopy(d.keypoints(), 0, row, 4, 2 * BlazeDetection.KEYPOINTS);
        row[DETECTION_WIDTH - 1] = d.score();
        return row;
    }

    private static BlazeDetection detection(double[] row) {
        return new BlazeDetection(row[0], row[1], row[2], row[3], Arrays.copyOfRange(row, 4, DETECTION_WIDTH - 1),
                row[DETECTION_WIDTH - 1]);
    }

    private static double[] values(FaceRoi roi) {
        return new double[] {roi.centerX(), roi.centerY(), roi.width(), roi.height(), roi.rotation()};
    }

    private static JsonNode read(Path file) {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
