package dittospark.models.demo;

import dittospark.models.ModelSpec;
import dittospark.models.TensorSpec;
import dittospark.onnx.OnnxGraph;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;

import static dittospark.models.demo.ContractGraph.dim;
import static dittospark.models.demo.ContractGraph.dims;
import static dittospark.models.demo.ContractGraph.outputName;

/**
 * Face analysis in the demo set: every model reports the canonical face at fixed coordinates of
 * its input crop, whatever the image, and the pose is neutral. The detector finds nothing, so the
 * engine falls back to its cascade locator, whose box the canonical face is drawn in.
 */
final class FaceModels {
    /** A sigmoid input that reads as certain (and its negative as certainly not). */
    private static final float CONFIDENT_LOGIT = 10f;
    /** BlazeFace's first anchor layer: stride 8, two anchors per cell. */
    private static final int BLAZE_STRIDE = 8;
    private static final int BLAZE_ANCHORS_PER_CELL = 2;
    private static final int BLAZE_KEYPOINT_OFFSET = 4;

    private FaceModels() {
    }

    /**
     * Neutral pose (uniform bin logits: expectation 0 degrees), no translation or expression,
     * scale 1, and the canonical keypoints at their place in the render crop ([-1,1], depth 0).
     */
    static OnnxGraph motionExtractor(ModelSpec spec) {
        String[] keys = {"pitch", "yaw", "roll", "t", "exp", "scale", "kp"};
        return constants(spec, i -> {
            String key = keys[i];
            TensorSpec out = spec.outputs().get(i);
            if (!key.equals(out.key())) {
                throw new IllegalStateException("motion extractor output " + i + " is " + out.key() + ", not " + key);
            }
            float[] values = new float[size(out)];
            if (key.equals("scale")) {
                Arrays.fill(values, 1f);
            } else if (key.equals("kp")) {
                CropFrame crop = CanonicalFace.renderCrop();
                for (Map.Entry<Integer, FacePoint> kp : CanonicalFace.KEYPOINTS.entrySet()) {
                    FacePoint p = crop.signed(kp.getValue());
                    values[3 * kp.getKey()] = (float) p.x();
                    values[3 * kp.getKey() + 1] = (float) p.y();
                }
            }
            return values;
        });
    }

    /** The adjusted driving keypoints are the driving keypoints. */
    static OnnxGraph stitchNetwork(ModelSpec spec) {
        OnnxGraph g = ContractGraph.declare(spec, Map.of());
        g.node("Identity", "kp_driving").out(outputName(spec, 0));
        return g;
    }

    /** Every SCRFD score, box and keypoint output is zero: no face passes the score threshold. */
    static OnnxGraph insightfaceDet(ModelSpec spec) {
        OnnxGraph g = ContractGraph.declare(spec, Map.of());
        for (int i = 0; i < spec.outputs().size(); i++) {
            long[] shape = dims(spec.outputs().get(i));
            g.node("ConstantOfShape", g.ints(shape)).attrTensor("value", 0f).out(outputName(spec, i));
        }
        return g;
    }

    /** 106 (x, y) pairs in [-1,1] of the 192 crop around the detector box. */
    static OnnxGraph landmark106(ModelSpec spec) {
        return constants(spec, i -> xy(CanonicalFace.landmarks106(), CanonicalFace.landmark106Crop()::signed));
    }

    /** 203 (x, y) pairs in 0..1 of the 224 crop the 106 landmarks place. */
    static OnnxGraph landmark203(ModelSpec spec) {
        CropFrame crop = CanonicalFace.landmark203Crop();
        return constants(spec, i -> xy(CanonicalFace.landmarks203(), crop::unit));
    }

    /**
     * One detection, on the anchor of the first layer nearest the face box centre, with the face
     * box and the six keypoints (eyes level) of the canonical face in the render crop; every other
     * anchor scores -CONFIDENT_LOGIT.
     */
    static OnnxGraph blazeFace(ModelSpec spec) {
        int inputSide = dim(spec.inputs().get(0), 1);
        int values = dim(spec.outputs().get(0), 2);
        int grid = inputSide / BLAZE_STRIDE;
        CropFrame crop = CanonicalFace.renderCrop();
        FacePoint min = crop.unit(CanonicalFace.BOX_MIN);
        FacePoint max = crop.unit(CanonicalFace.BOX_MAX);
        double cx = (min.x() + max.x()) / 2;
        double cy = (min.y() + max.y()) / 2;
        int col = (int) (cx * grid);
        int row = (int) (cy * grid);
        int anchor = (row * grid + col) * BLAZE_ANCHORS_PER_CELL;
        double anchorX = (col + 0.5) / grid;
        double anchorY = (row + 0.5) / grid;

        return constants(spec, i -> {
            float[] out = new float[size(spec.outputs().get(i))];
            if (i == 1) {
                Arrays.fill(out, -CONFIDENT_LOGIT);
                out[anchor] = CONFIDENT_LOGIT;
                return out;
            }
            int base = anchor * values;
            out[base] = (float) ((cx - anchorX) * inputSide);
            out[base + 1] = (float) ((cy - anchorY) * inputSide);
            out[base + 2] = (float) ((max.x() - min.x()) * inputSide);
            out[base + 3] = (float) ((max.y() - min.y()) * inputSide);
            FacePoint[] keypoints = CanonicalFace.blazeKeypoints();
            for (int k = 0; k < keypoints.length; k++) {
                FacePoint p = crop.unit(keypoints[k]);
                out[base + BLAZE_KEYPOINT_OFFSET + 2 * k] = (float) ((p.x() - anchorX) * inputSide);
                out[base + BLAZE_KEYPOINT_OFFSET + 2 * k + 1] = (float) ((p.y() - anchorY) * inputSide);
            }
            return out;
        });
    }

    /** 478 (x, y, 0) points in pixels of the mesh input, the eyes open; the face flags confident. */
    static OnnxGraph faceMesh(ModelSpec spec) {
        int inputSide = dim(spec.inputs().get(0), 1);
        CropFrame roi = CanonicalFace.meshCrop();
        return constants(spec, i -> {
            float[] out = new float[size(spec.outputs().get(i))];
            if (i > 0) {
                Arrays.fill(out, CONFIDENT_LOGIT);
                return out;
            }
            FacePoint[] mesh = CanonicalFace.mesh478();
            for (int k = 0; k < mesh.length; k++) {
                FacePoint p = roi.unit(mesh[k]);
                out[3 * k] = (float) (p.x() * inputSide);
                out[3 * k + 1] = (float) (p.y() * inputSide);
            }
            return out;
        });
    }

    /** A graph whose output i is the constant {@code values.apply(i)}, whatever its input. */
    private static OnnxGraph constants(ModelSpec spec, Function<Integer, float[]> values) {
        OnnxGraph g = ContractGraph.declare(spec, Map.of());
        for (int i = 0; i < spec.outputs().size(); i++) {
            String value = g.constant(values.apply(i), dims(spec.outputs().get(i)));
            g.node("Identity", value).out(outputName(spec, i));
        }
        return g;
    }

    private static float[] xy(FacePoint[] points, Function<FacePoint, FacePoint> toCrop) {
        float[] out = new float[2 * points.length];
        for (int k = 0; k < points.length; k++) {
            FacePoint p = toCrop.apply(points[k]);
            out[2 * k] = (float) p.x();
            out[2 * k + 1] = (float) p.y();
        }
        return out;
    }

    private static int size(TensorSpec t) {
        return Math.toIntExact(Arrays.stream(dims(t)).reduce(1, (a, b) -> a * b));
    }
}
