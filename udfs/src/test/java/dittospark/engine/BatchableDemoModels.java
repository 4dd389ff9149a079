package dittospark.engine;

import dittospark.models.ModelContracts;
import dittospark.models.ModelSpec;
import dittospark.models.TensorSpec;
import dittospark.onnx.ElementType;
import dittospark.onnx.OnnxGraph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A copy of the demo model set whose warp and decoder follow a batch axis: the same kind of volume
 * warp and unpacking as the demo's, written without shapes that pin the first axis (reshapes copy it
 * with 0, keypoints and grid broadcast against it), so that {@code BatchAxis} lets them run several
 * frames per call. The demo set itself pins it and stays as it is.
 */
final class BatchableDemoModels {
    private static final float SIGMA = 0.035f;
    private static final int RGB = 3;

    private final int grid;
    private final int depth;
    private final int cell;
    private final int imageSide;

    private BatchableDemoModels() {
        TensorSpec volume = ModelContracts.release().model("appearance_extractor").outputs().get(0);
        TensorSpec image = ModelContracts.release().model("appearance_extractor").inputs().get(0);
        depth = (int) volume.primaryShape().get(2).size();
        grid = (int) volume.primaryShape().get(3).size();
        imageSide = (int) image.primaryShape().get(2).size();
        cell = imageSide / grid;
    }

    /** The demo set copied into {@code dir}, with the batchable warp and decoder in place of the demo's. */
    static Path into(Path dir) throws IOException {
        Path demo = DemoModels.folder();
        try (Stream<Path> files = Files.walk(demo)) {
            files.forEach(f -> copy(f, dir.resolve(demo.relativize(f).toString())));
        }
        BatchableDemoModels m = new BatchableDemoModels();
        ModelContracts contracts = ModelContracts.release();
        m.warp(contracts.model("warp_network_ori")).write(dir.resolve(contracts.model("warp_network_ori").file()));
        m.decoder(contracts.model("decoder")).write(dir.resolve(contracts.model("decoder").file()));
        return dir;
    }

    private static void copy(Path from, Path to) {
        try {
            if (Files.isDirectory(from)) {
                Files.createDirectories(to);
            } else {
                Files.copy(from, to);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int slots() {
        return RGB * cell * cell;
    }

    /** Samples the volume at each cell centre moved back by the keypoints' Gaussian-weighted motion. */
    private OnnxGraph warp(ModelSpec spec) {
        OnnxGraph g = declare(spec);
        int out = (int) spec.outputs().get(0).primaryShape().get(1).size();
        String src = g.node("Slice", "kp_source", g.ints(0), g.ints(2), g.ints(2)).out();
        String drv = g.node("Slice", "kp_driving", g.ints(0), g.ints(2), g.ints(2)).out();
        String motion = g.node("Sub", drv, src).out();
        float[] centresXy = cellCentresXy();
        String cellsByKeypoint = g.constant(centresXy, 1, (long) grid * grid, 1, 2);
        String offset = g.node("Sub", cellsByKeypoint, g.node("Unsqueeze", src, g.ints(1)).out()).out();
        String distance2 = g.node("ReduceSum", g.node("Mul", offset, offset).out(), g.ints(3)).attr("keepdims", 0L).out();
        String weights = g.node("Exp", g.node("Mul", distance2, g.scalar(-1f / (2 * SIGMA * SIGMA))).out()).out();
        String displacement = g.node("MatMul", weights, motion).out();
        String sampleXy = g.node("Sub", g.constant(centresXy, 1, (long) grid * grid, 2), displacement).out();
        String planeXy = g.node("Reshape", sampleXy, g.ints(0, 1, grid, grid, 2)).out();
        String planeXyz = g.node("Pad", planeXy, g.ints(0, 0, 0, 0, 0, 0, 0, 0, 0, 1)).out();
        String sampling = g.node("Add", planeXyz, g.constant(depthCentres(), 1, depth, grid, grid, 3)).out();
        int used = (slots() + depth - 1) / depth;
        String occupied = g.node("Slice", "feature_3d", g.ints(0), g.ints(used), g.ints(1)).out();
        String warped = g.node("GridSample", occupied, sampling)
                .attr("mode", "linear").attr("padding_mode", "border").attr("align_corners", 0L).out();
        String flat = g.node("Reshape", warped, g.ints(0, (long) used * depth, grid, grid)).out();
        String moved = g.node("Pad", flat, g.ints(0, 0, 0, 0, 0, out - (long) used * depth, 0, 0)).out();

        String offsetY = g.node("Squeeze", g.node("Slice", offset, g.ints(1), g.ints(2), g.ints(3)).out(), g.ints(3)).out();
        String slopes = g.node("Mul", g.node("Mul", weights, offsetY).out(), g.scalar(-1f / (SIGMA * SIGMA))).out();
        String motionY = g.node("Slice", motion, g.ints(1), g.ints(2), g.ints(2)).out();
        String stretch = g.node("MatMul", slopes, motionY).out();
        String shade = g.node("Clip", g.node("Mul", g.node("Sub", stretch, g.scalar(0.3f)).out(), g.scalar(0.6f)).out(),
                g.scalar(0f), g.scalar(0.75f)).out();
        String plane = g.node("Reshape", shade, g.ints(0, 1, grid, grid)).out();
        String shadeSlot = g.node("Pad", plane, g.ints(0, slots(), 0, 0, 0, out - slots() - 1, 0, 0)).out();
        g.node("Add", moved, shadeSlot).out(outputName(spec));
        return g;
    }

    /** Unpacks the slots to RGB, resizes by scale factors (not to a fixed shape), darkens by the shade slot. */
    private OnnxGraph decoder(ModelSpec spec) {
        OnnxGraph g = declare(spec);
        String feature = spec.inputs().get(0).name();
        long side = spec.outputs().get(0).primaryShape().get(2).size();
        String slotsOnly = g.node("Slice", feature, g.ints(0), g.ints(slots()), g.ints(1)).out();
        String split = g.node("Reshape", slotsOnly, g.ints(0, RGB, cell, cell, grid, grid)).out();
        String pixelsFirst = g.node("Transpose", split).attrInts("perm", 0, 1, 4, 2, 5, 3).out();
        String image = g.node("Reshape", pixelsFirst, g.ints(0, RGB, imageSide, imageSide)).out();
        float up = (float) side / imageSide;
        String resized = g.node("Resize", image, "", g.constant(new float[] {1, 1, up, up}, 4)).attr("mode", "linear").out();
        String shade = g.node("Slice", feature, g.ints(slots()), g.ints(slots() + 1), g.ints(1)).out();
        float shadeUp = (float) side / grid;
        String shadeResized = g.node("Resize", shade, "", g.constant(new float[] {1, 1, shadeUp, shadeUp}, 4))
                .attr("mode", "linear").out();
        String light = g.node("Sub", g.scalar(1f), g.node("Clip", shadeResized, g.scalar(0f), g.scalar(1f)).out()).out();
        g.node("Clip", g.node("Mul", resized, light).out(), g.scalar(0f), g.scalar(1f)).out(outputName(spec));
        return g;
    }

    private static OnnxGraph declare(ModelSpec spec) {
        OnnxGraph g = new OnnxGraph(spec.role());
        for (TensorSpec t : spec.inputs()) {
            g.input(t.name(), ElementType.ofContract(t.type()), t.primaryShape());
        }
        TensorSpec o = spec.outputs().get(0);
        g.output(outputName(spec), ElementType.ofContract(o.type()), o.primaryShape());
        return g;
    }

    private static String outputName(ModelSpec spec) {
        TensorSpec t = spec.outputs().get(0);
        return !t.positional() ? t.name() : t.key() != null ? t.key() : "output_0";
    }

    private float[] cellCentresXy() {
        float[] xy = new float[grid * grid * 2];
        for (int row = 0; row < grid; row++) {
            for (int col = 0; col < grid; col++) {
                xy[2 * (row * grid + col)] = centre(col, grid);
                xy[2 * (row * grid + col) + 1] = centre(row, grid);
            }
        }
        return xy;
    }

    /** [1,D,G,G,3]: zero x and y, the depth slice's centre as z. */
    private float[] depthCentres() {
        float[] z = new float[depth * grid * grid * 3];
        for (int d = 0; d < depth; d++) {
            for (int p = 0; p < grid * grid; p++) {
                z[3 * (d * grid * grid + p) + 2] = centre(d, depth);
            }
        }
        return z;
    }

    private static float centre(int i, int n) {
        return (2f * i + 1) / n - 1;
    }
}
