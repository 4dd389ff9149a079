package dittospark.golden;

import com.fasterxml.jackson.databind.JsonNode;
import dittospark.face.CropMath;
import dittospark.image.Affine;
import dittospark.media.Samples;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;

import static dittospark.golden.GoldenFiles.assertClose;
import static dittospark.golden.GoldenFiles.flat;
import static dittospark.golden.GoldenFiles.toDouble;

/**
 * crop.json: rectangle, M_o2c/M_c2o and cropped points per case (1e-5 relative); crop_example_512.png:
 * the crop of the sample portrait (1 grey level, 99.9% exact).
 */
public final class CropGoldenCheck implements GoldenCheck {
    private static final String FILE = "crop.json";
    private static final String EXAMPLE = "crop_example_512.png";
    private static final String EXAMPLE_SOURCE = "portrait.png";

    @Override
    public Set<String> claims(Path goldenDir) {
        return Set.of(FILE, EXAMPLE);
    }

    @Override
    public Stream<DynamicTest> tests(Path goldenDir) {
        JsonNode root = GoldenFiles.json(FILE);
        JsonNode cases = root.get("cases");
        Stream<DynamicTest> perCase = IntStream.range(0, cases.size()).mapToObj(i ->
                DynamicTest.dynamicTest("crop case " + i, () -> checkCase(cases.get(i))));
        int example = root.get("example_case_index").asInt();
        DynamicTest image = DynamicTest.dynamicTest("crop of " + EXAMPLE_SOURCE + " with case " + example,
                () -> checkExample(goldenDir, cases.get(example)));
        return Stream.concat(perCase, Stream.of(image));
    }

    private static CropArgs args(JsonNode c) {
        JsonNode kw = c.get("kwargs");
        return new CropArgs(GoldenFiles.toFloat(flat(c.get("pts"))), kw.path("dsize").asInt(224),
                kw.path("scale").asDouble(1.5), kw.path("vx_ratio").asDouble(0), kw.path("vy_ratio").asDouble(-0.1),
                kw.path("flag_do_rot").asBoolean(true));
    }

    private static void checkCase(JsonNode c) {
        CropArgs a = args(c);
        CropMath.Rect rect = CropMath.rect(a.pts(), a.scale(), a.vx(), a.vy());
        assertClose("center", new double[] {rect.cx(), rect.cy()}, flat(c.get("center")));
        assertClose("size", new double[] {rect.size(), rect.size()}, flat(c.get("size")));
        assertClose("angle", new double[] {rect.angle()}, new double[] {c.get("angle").asDouble()});
        CropMath.Transform t = CropMath.transform(a.pts(), a.dsize(), a.scale(), a.vy(), a.rotate());
        assertClose("M_o2c", rows3(t.o2c()), flat(c.get("M_o2c")));
        assertClose("M_c2o", rows3(t.c2o()), flat(c.get("M_c2o")));
        if (!c.get("pt_crop").isNull()) {
            assertClose("pt_crop", toDouble(t.o2c().transformPointsFloat32(a.pts())), flat(c.get("pt_crop")));
        }
    }

    private static void checkExample(Path goldenDir, JsonNode c) {
        CropArgs a = args(c);
        CropMath.Crop crop = CropMath.crop(GoldenImages.read(Samples.file(EXAMPLE_SOURCE)), a.pts(), a.dsize(),
                a.scale(), a.vy(), a.rotate());
        GoldenImages.assertNearlyEqual(EXAMPLE, crop.image(), GoldenImages.read(goldenDir.resolve(EXAMPLE)));
    }

    private static double[] rows3(Affine m) {
        double[] c = m.coefficients();
        return new double[] {c[0], c[1], c[2], c[3], c[4], c[5], 0, 0, 1};
    }

    private record CropArgs(float[] pts, int dsize, double scale, double vx, double vy, boolean rotate) {
    }
}
