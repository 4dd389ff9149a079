package dittospark.golden;

import com.fasterxml.jackson.databind.JsonNode;
import dittospark.face.ScrfdCodec;
import org.junit.jupiter.api.DynamicTest;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static dittospark.golden.GoldenFiles.assertClose;
import static dittospark.golden.GoldenFiles.flat;
import static org.assertj.core.api.Assertions.assertThat;

/** scrfd_decode.json with scrfd_out0..8.npy: decoded boxes, scores and keypoints after NMS (1e-5 relative). */
public final class ScrfdGoldenCheck implements GoldenCheck {
    private static final String FILE = "scrfd_decode.json";
    private static final int OUTPUTS = 9;

    @Override
    public Set<String> claims(Path goldenDir) {
        Set<String> names = new HashSet<>(Set.of(FILE));
        for (int i = 0; i < OUTPUTS; i++) {
            names.add(output(i));
        }
        return names;
    }

    private static String output(int i) {
        return "scrfd_out" + i + ".npy";
    }

    @Override
    public Stream<DynamicTest> tests(Path goldenDir) {
        return Stream.of(DynamicTest.dynamicTest("SCRFD decode and NMS", () -> {
            JsonNode root = GoldenFiles.json(FILE);
            float[][] outputs = new float[OUTPUTS][];
            for (int i = 0; i < OUTPUTS; i++) {
                outputs[i] = GoldenFiles.npy(output(i)).floats();
            }
            int height = root.get("image_size").get(0).asInt();
            int width = root.get("image_size").get(1).asInt();
            List<ScrfdCodec.Detection> found = ScrfdCodec.decode(outputs, ScrfdCodec.detScale(width, height));
            JsonNode det = root.get("det");
            JsonNode kpss = root.get("kpss");
            assertThat(found).as("detections kept").hasSize(det.size());
            for (int i = 0; i < det.size(); i++) {
                ScrfdCodec.Detection d = found.get(i);
                assertClose("det[" + i + "]", new double[] {d.box().x1(), d.box().y1(), d.box().x2(), d.box().y2(),
                        d.score()}, flat(det.get(i)));
                assertClose("kpss[" + i + "]", GoldenFiles.toDouble(d.keypoints()), flat(kpss.get(i)));
            }
        }));
    }
}
