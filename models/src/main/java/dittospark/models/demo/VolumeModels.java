package dittospark.models.demo;

import dittospark.models.ModelContracts;
import dittospark.models.ModelSpec;
import dittospark.models.TensorSpec;
import dittospark.onnx.OnnxGraph;

import java.util.Map;

import static dittospark.models.demo.ContractGraph.dim;
import static dittospark.models.demo.ContractGraph.outputName;

/**
 * The renderer of the demo set. The appearance extractor packs the RGB crop losslessly into the
 * feature volume: each cell of the volume's spatial grid holds the cell's sub-pixels (rows x columns
 * x RGB) in its first channel/depth slots, the rest is zero. The warp moves that volume with a
 * displacement field made from the keypoints' motion, and the decoder unpacks it back to RGB.
 * Where the field stretches the image vertically (lips parting) the warp also writes a shade into
 * the first free slot, which the decoder applies smoothly: the opening mouth shows a dark inside
 * rather than the stretched lip texture.
 */
final class VolumeModels {
    /** Width of each keypoint's Gaussian influence, in the [-1,1] crop coordinates of the keypoints. */
    static final float KEYPOINT_SIGMA = 0.035f;
    /** Vertical stretch of the displacement field below which nothing is shaded. */
    static final float STRETCH_THRESHOLD = 0.3f;
    static final float SHADE_GAIN = 0.6f;
    static final float MAX_SHADE = 0.75f;
    private static final int RGB = 3;

    private final ModelSpec appearance;
    private final int imageSide;
    private final int channels;
    private final int depth;
    private final int grid;
    private final int cell;

    VolumeModels(ModelContracts contracts) {
        appearance = contracts.model("appearance_extractor");
        TensorSpec image = appearance.inputs().get(0);
        TensorSpec volume = appearance.outputs().get(0);
        imageSide = dim(image, 2);
        channels = dim(volume, 1);
        depth = dim(volume, 2);
        grid = dim(volume, 3);
        cell = imageSide / grid;
    }

    /** Slots a grid cell needs: its sub-pixels times RGB. */
    int slots() {
        return RGB * cell * cell;
    }

    /** [1,3,S,S] -> [1,C,D,G,G]: slot (c, row, col) of a cell at channel*depth index c*cell^2 + row*cell + col. */
    OnnxGraph appearanceExtractor() {
        OnnxGraph g = ContractGraph.declare(appearance, Map.of());
        String image = appearance.inputs().get(0).name();
        String split = g.node("Reshape", image, g.ints(1, RGB, grid, cell, grid, cell)).out();
        String slotsFirst = g.node("Transpose", split).attrInts("perm", 0, 1, 3, 5, 2, 4).out();
        String packed = g.node("Reshape", slotsFirst, g.ints(1, slots(), grid, grid)).out();
        String padded = g.node("Pad", packed, g.ints(0, 0, 0, 0, 0, (long) channels * depth - slots(), 0, 0)).out();
        g.node("Reshape", padded, g.ints(1, channels, depth, grid, grid)).out(outputName(appearance, 0));
        return g;
    }

    /**
     * Output at grid position p = volume sampled at p - d(p) (5-D GridSample, linear, border), where
     * d(p) = sum over keypoints k of exp(-|p - src_k|^2 / 2 sigma^2) * (drv_k - src_k) in x and y;
     * depth is not moved, so the packed slots stay apart. The first K slots of the channel*depth
     * axis form the [1,K,G,G] output. Equal keypoints give d = 0 and the grid of exact cell centres.
     * The shade clip((dd_y/dy - threshold) * gain, 0, max) is added to the first free slot.
     */
    OnnxGraph warpNetwork(ModelSpec spec) {
        OnnxGraph g = ContractGraph.declare(spec, Map.of());
        int outChannels = dim(spec.outputs().get(0), 1);
        if (outChannels <= slots() || outChannels > channels * depth) {
            throw new IllegalStateException("warp output of " + outChannels + " channels cannot carry " + slots() + " slots");
        }
        String xyAxes = g.ints(2);
        String src = g.node("Slice", "kp_source", g.ints(0), g.ints(2), xyAxes).out();
        String drv = g.node("Slice", "kp_driving", g.ints(0), g.ints(2), xyAxes).out();
        String motion = g.node("Sub", drv, src).out();

        String cells = g.constant(cellCentresXy(), (long) grid * grid, 2);
        String cellsByKeypoint = g.node("Reshape", cells, g.ints(grid * grid, 1, 2)).out();
        String offset = g.node("Sub", cellsByKeypoint, src).out();
        String squared = g.node("Mul", offset, offset).out();
        String distance2 = g.node("ReduceSum", squared, g.ints(2)).attr("keepdims", 0L).out();
        String scaled = g.node("Mul", distance2, g.scalar(-1f / (2 * KEYPOINT_SIGMA * KEYPOINT_SIGMA))).out();
        String weights = g.node("Exp", scaled).out();
        String displacement = g.node("MatMul", weights, motion).out();
        String sampleXy = g.node("Sub", cells, displacement).out();

        String shadeSlot = shadeSlot(g, weights, offset, motion, outChannels);

        String planeXy = g.node("Reshape", sampleXy, g.ints(1, 1, grid, grid, 2)).out();
        String xy = g.node("Expand", planeXy, g.ints(1, depth, grid, grid, 2)).out();
        String z = g.node("Expand", g.constant(centres(depth), 1, depth, 1, 1, 1), g.ints(1, depth, grid, grid, 1)).out();
        String sampling = g.node("Concat", xy, z).attr("axis", -1L).out();
        // only the leading channels hold packed slots: sampling the zero channels would cost 10x for nothing
        int used = (slots() + depth - 1) / depth;
        String occupied = g.node("Slice", "feature_3d", g.ints(0), g.ints(used), g.ints(1)).out();
        String warped = g.node("GridSample", occupied, sampling)
                .attr("mode", "linear").attr("padding_mode", "border").attr("align_corners", 0L).out();
        String flat = g.node("Reshape", warped, g.ints(1, (long) used * depth, grid, grid)).out();
        String moved = g.node("Pad", flat, g.ints(0, 0, 0, 0, 0, outChannels - (long) used * depth, 0, 0)).out();
        g.node("Add", moved, shadeSlot).out(outputName(spec, 0));
        return g;
    }

    /**
     * The shade from the vertical stretch dd_y/dy of the displacement, as a [1,K,G,G] tensor that is
     * zero but in the first free slot. The weights' slope is -w * (y - src_y) / sigma^2.
     */
    private String shadeSlot(OnnxGraph g, String weights, String offset, String motion, int outChannels) {
        String yAxis = g.ints(2);
        String offsetY = g.node("Squeeze", g.node("Slice", offset, g.ints(1), g.ints(2), yAxis).out(), yAxis).out();
        String weightSlopes = g.node("Mul", g.node("Mul", weights, offsetY).out(),
                g.scalar(-1f / (KEYPOINT_SIGMA * KEYPOINT_SIGMA))).out();
        String motionY = g.node("Slice", motion, g.ints(1), g.ints(2), yAxis).out();
        String stretch = g.node("MatMul", weightSlopes, motionY).out();
        String excess = g.node("Mul", g.node("Sub", stretch, g.scalar(STRETCH_THRESHOLD)).out(), g.scalar(SHADE_GAIN)).out();
        String shade = g.node("Clip", excess, g.scalar(0f), g.scalar(MAX_SHADE)).out();
        String plane = g.node("Reshape", shade, g.ints(1, 1, grid, grid)).out();
        return g.node("Pad", plane, g.ints(0, slots(), 0, 0, 0, outChannels - slots() - 1, 0, 0)).out();
    }

    /**
     * Unpacks the slots to the RGB crop, resizes it bilinearly to the output size, darkens it by the
     * shade slot (resized the same way, so the shade is smooth), clips to 0..1.
     */
    OnnxGraph decoder(ModelSpec spec) {
        OnnxGraph g = ContractGraph.declare(spec, Map.of());
        TensorSpec output = spec.outputs().get(0);
        String slotsOnly = g.node("Slice", spec.inputs().get(0).name(), g.ints(0), g.ints(slots()), g.ints(1)).out();
        String split = g.node("Reshape", slotsOnly, g.ints(1, RGB, cell, cell, grid, grid)).out();
        String pixelsFirst = g.node("Transpose", split).attrInts("perm", 0, 1, 4, 2, 5, 3).out();
        String image = g.node("Reshape", pixelsFirst, g.ints(1, RGB, imageSide, imageSide)).out();
        long[] outputDims = ContractGraph.dims(output);
        String resized = g.node("Resize", image, "", "", g.ints(outputDims)).attr("mode", "linear").out();
        String shade = g.node("Slice", spec.inputs().get(0).name(), g.ints(slots()), g.ints(slots() + 1), g.ints(1)).out();
        String shadeResized = g.node("Resize", shade, "", "", g.ints(1, 1, outputDims[2], outputDims[3]))
                .attr("mode", "linear").out();
        String light = g.node("Sub", g.scalar(1f), g.node("Clip", shadeResized, g.scalar(0f), g.scalar(1f)).out()).out();
        String shaded = g.node("Mul", resized, light).out();
        g.node("Clip", shaded, g.scalar(0f), g.scalar(1f)).out(outputName(spec, 0));
        return g;
    }

    /** The (x, y) centres of the grid's cells in [-1,1], rows then columns (GridSample, align_corners 0). */
    private float[] cellCentresXy() {
        float[] c = centres(grid);
        float[] xy = new float[grid * grid * 2];
        for (int row = 0; row < grid; row++) {
            for (int col = 0; col < grid; col++) {
                xy[2 * (row * grid + col)] = c[col];
                xy[2 * (row * grid + col) + 1] = c[row];
            }
        }
        return xy;
    }

    private static float[] centres(int n) {
        float[] c = new float[n];
        for (int i = 0; i < n; i++) {
            c[i] = (2f * i + 1) / n - 1;
        }
        return c;
    }
}
