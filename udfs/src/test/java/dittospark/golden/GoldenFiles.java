package dittospark.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dittospark.image.Affine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The golden folder named by the system property {@code golden.dir} (default: this module's
 * {@code src/test/golden}), with readers and the tolerances of GOLDEN.md.
 */
public final class GoldenFiles {
    /** Pure float32 arithmetic: relative tolerance, with an absolute floor for values near zero. */
    public static final double REL_TOL = 1e-5;
    public static final double ABS_FLOOR = 1e-6;

    private static final ObjectMapper JSON = new ObjectMapper();

    private GoldenFiles() {
    }

    public static Path dir() {
        String configured = System.getProperty("golden.dir");
        Path dir = configured != null ? Path.of(configured) : Path.of("src", "test", "golden");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("golden folder " + dir.toAbsolutePath() + " does not exist; set -Dgolden.dir");
        }
        return dir;
    }

    public static Path file(String name) {
        return dir().resolve(name);
    }

    public static JsonNode json(String name) {
        try {
            return JSON.readTree(file(name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code file} and the files its cases name in {@code fields}: what a check of those cases claims. */
    public static java.util.Set<String> withCaseFiles(String file, String... fields) {
        java.util.Set<String> files = new java.util.HashSet<>(java.util.Set.of(file));
        for (JsonNode c : json(file).get("cases")) {
            for (String field : fields) {
                files.add(c.get(field).asText());
            }
        }
        return files;
    }

    public static Npy npy(String name) {
        try {
            return Npy.read(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON number array of any nesting, flattened row-major; JSON null (the reference's NaN) becomes NaN. */
    public static double[] flat(JsonNode node) {
        java.util.List<Double> out = new java.util.ArrayList<>();
        flatten(node, out);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The first two rows of a row-major 2x3 or 3x3 matrix, as the reference stores crop transforms. */
    public static Affine affine(JsonNode matrix) {
        double[] m = flat(matrix);
        assertThat(m.length).as("coefficients of an affine matrix").isIn(6, 9);
        return Affine.of(m[0], m[1], m[2], m[3], m[4], m[5]);
    }

    private static void flatten(JsonNode node, java.util.List<Double> out) {
        if (node.isArray()) {
            node.forEach(n -> flatten(n, out));
        } else {
            out.add(node.isNull() ? Double.NaN : node.asDouble());
        }
    }

    /** Element-wise |a-e| <= max(REL_TOL*|e|, ABS_FLOOR * scale), NaN only where NaN expected. */
    public static void assertClose(String what, double[] actual, double[] expected) {
        assertClose(what, actual, expected, REL_TOL, ABS_FLOOR);
    }

    public static void assertClose(String what, double[] actual, double[] expected, double rel, double abs) {
        assertThat(actual).as(what + ": length").hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i];
            double a = actual[i];
            if (Double.isNaN(e)) {
                assertThat(a).as(what + "[" + i + "] (reference NaN)").isNaN();
                continue;
            }
            double tol = Math.max(rel * Math.abs(e), abs);
            if (Math.abs(a - e) > tol) {
                throw new AssertionError(what + "[" + i + "]: expected " + e + " but was " + a + " (tolerance " + tol + ")");
            }
        }
    }

    public static double[] toDouble(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    public static float[] toFloat(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
