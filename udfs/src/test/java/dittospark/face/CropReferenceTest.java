package dittospark.face;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dittospark.image.Image;
import dittospark.image.ImageOps;
import dittospark.media.Samples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crop against the reference's {@code crop_image} and OpenCV's {@code warpAffine} on many random
 * landmark clouds laid over the sample portrait (tilted, scaled, part outside the picture, 106 and 203
 * points, every crop setting). {@code reference_crops.json} holds, per case, the reference's float32
 * M_o2c and the SHA-256 of its crop; the points come from {@link #points}, seeded by the case number.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CropReferenceTest {
    private JsonNode cases;
    private Image portrait;

    @BeforeAll
    void readTheReference() throws IOException {
        try (InputStream in = CropReferenceTest.class.getResourceAsStream("reference_crops.json")) {
            cases = new ObjectMapper().readTree(in).get("cases");
        }
        portrait = ImageOps.read(Samples.file("portrait.png"));
    }

    /**
     * Case {@code index}'s landmarks: a cloud of 106 or 203 points around a face-sized centre of the
     * 1432x1432 portrait, turned by up to half a revolution and stretched.
     */
    static float[] points(int index) {
        Random r = new Random(1000L + index);
        int n = index % 2 == 0 ? 203 : 106;
        double cx = 100 + 1232 * r.nextDouble();
        double cy = 100 + 1232 * r.nextDouble();
        double size = 40 + 700 * r.nextDouble();
        double angle = Math.PI * (2 * r.nextDouble() - 1);
        double aspect = 0.6 + 0.8 * r.nextDouble();
        float[] pts = new float[2 * n];
        for (int i = 0; i < n; i++) {
            double u = size * (r.nextDouble() - 0.5);
            double v = size * aspect * (r.nextDouble() - 0.5);
            pts[2 * i] = (float) (cx + u * Math.cos(angle) - v * Math.sin(angle));
            pts[2 * i + 1] = (float) (cy + u * Math.sin(angle) + v * Math.cos(angle));
        }
        return pts;
    }

    Stream<Integer> caseNumbers() {
        return IntStream.range(0, cases.size()).boxed();
    }

    @ParameterizedTest
    @MethodSource("caseNumbers")
    void theCropMatrixIsTheReferencesFloat32Matrix(int index) {
        JsonNode c = cases.get(index);
        CropMath.Transform t = transform(c, points(index));

        double[] expected = new double[6];
        for (int i = 0; i < 6; i++) {
            expected[i] = c.get("M_o2c").get(i).asDouble();
        }
        assertThat(t.o2c().coefficients()).as("M_o2c of case %d (%s)", index, c.get("kwargs")).containsExactly(expected);
    }

    @ParameterizedTest
    @MethodSource("caseNumbers")
    void theCroppedPictureIsOpenCvsWarpByteForByte(int index) throws Exception {
        JsonNode c = cases.get(index);
        JsonNode kw = c.get("kwargs");
        CropMath.Crop crop = CropMath.crop(portrait, points(index), kw.get("dsize").asInt(), kw.get("scale").asDouble(),
                kw.get("vy_ratio").asDouble(), kw.get("flag_do_rot").asBoolean());

        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(crop.image().rgb()));
        assertThat(sha).as("SHA-256 of the crop of case %d (%s)", index, kw).isEqualTo(c.get("crop_sha256").asText());
    }

    private static CropMath.Transform transform(JsonNode c, float[] pts) {
        JsonNode kw = c.get("kwargs");
        return CropMath.transform(pts, kw.get("dsize").asInt(), kw.get("scale").asDouble(), kw.get("vy_ratio").asDouble(),
                kw.get("flag_do_rot").asBoolean());
    }
}
