package dittospark.face;

import dittospark.image.Image;
import dittospark.image.RoiWarp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Input and output conversion for the BlazeFace short-range detector ({@code blaze_face.onnx}):
 * the NHWC input tensor, the 896 SSD anchors, box decoding and the blending ("weighted") NMS.
 */
public final class BlazeFaceCodec {
    public static final int INPUT_SIZE = 128;
    public static final int NUM_ANCHORS = 896;
    /** Values per anchor in {@code regressors}: box centre and size, then six keypoints. */
    public static final int NUM_COORDS = 16;

    private static final int[] STRIDES = {8, 16, 16, 16};
    private static final double SCORE_CLIP_LOW = -50;
    private static final double SCORE_CLIP_HIGH = 100;
    private static final double MIN_SCORE = 0.5;
    private static final double MIN_SUPPRESSION_IOU = 0.3;
    private static final int SCORE = NUM_COORDS;

    private static final double[][] ANCHORS = buildAnchors();

    private BlazeFaceCodec() {
    }

    /** The detector input [1,128,128,3]: bilinear resize, then rgb/127.5 - 1 in float32. */
    public static float[] preprocess(Image image) {
        Image small = RoiWarp.resize(image, INPUT_SIZE, INPUT_SIZE);
        byte[] rgb = small.rgb();
        float[] input = new float[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            input[i] = (rgb[i] & 0xFF) / 127.5f - 1f;
        }
        return input;
    }

    /** The 896 anchors as rows (centre x, centre y, width, height), normalised; a fresh copy. */
    public static double[][] anchors() {
        double[][] copy = new double[ANCHORS.length][];
        for (int i = 0; i < ANCHORS.length; i++) {
            copy[i] = ANCHORS[i].clone();
        }
        return copy;
    }

    /**
     * The faces in one detector output, best first.
     *
     * @param regressors      {@code regressors} [1,896,16] flattened
     * @param classificators  {@code classificators} [1,896,1] flattened
     */
    public static List<BlazeDetection> decode(float[] regressors, float[] classificators) {
        if (regressors.length != NUM_ANCHORS * NUM_COORDS || classificators.length != NUM_ANCHORS) {
            throw new IllegalArgumentException("expected " + NUM_ANCHORS * NUM_COORDS + " regressors and " + NUM_ANCHORS
                    + " classificators, got " + regressors.length + " and " + classificators.length);
        }
        List<double[]> candidates = new ArrayList<>();
        for (int a = 0; a < NUM_ANCHORS; a++) {
            double score = sigmoid(classificators[a]);
            if (score >= MIN_SCORE) {
                candidates.add(decodeAnchor(regressors, a, score));
            }
        }
        return weightedNms(candidates).stream().map(BlazeFaceCodec::toDetection).toList();
    }

    /** The reference computes the score in float32; keeping that rounding keeps the 0.5 cut identical. */
    private static float sigmoid(float raw) {
        float clipped = (float) Math.min(Math.max(raw, SCORE_CLIP_LOW), SCORE_CLIP_HIGH);
        float e = (float) Math.exp(-clipped);
        return 1f / (1f + e);
    }

    private static double[] decodeAnchor(float[] raw, int a, double score) {
        double[] anchor = ANCHORS[a];
        int o = a * NUM_COORDS;
        double cx = raw[o] / (double) INPUT_SIZE * anchor[2] + anchor[0];
        double cy = raw[o + 1] / (double) INPUT_SIZE * anchor[3] + anchor[1];
        double w = raw[o + 2] / (double) INPUT_SIZE * anchor[2];
        double h = raw[o + 3] / (double) INPUT_SIZE * anchor[3];
        double[] row = new double[NUM_COORDS + 1];
        row[0] = INPUT_SIZE * (cx - w / 2.0);
        row[1] = INPUT_SIZE * (cy - h / 2.0);
        row[2] = INPUT_SIZE * (cx + w / 2.0);
        row[3] = INPUT_SIZE * (cy + h / 2.0);
        for (int k = 4; k < NUM_COORDS; k += 2) {
            row[k] = raw[o + k] / (double) INPUT_SIZE * anchor[2] + anchor[0];
            row[k + 1] = raw[o + k + 1] / (double) INPUT_SIZE * anchor[3] + anchor[1];
        }
        row[SCORE] = score;
        return row;
    }

    /**
     * Takes the best remaining detection, gathers every remaining box overlapping it by IoU > 0.3
     * (itself included) and replaces it by their score-weighted mean, scored by the mean score.
     */
    private static List<double[]> weightedNms(List<double[]> candidates) {
        List<double[]> remaining = new ArrayList<>(candidates.size());
        // Descending score; among equal scores the later candidate first, as a reversed ascending sort gives.
        for (int i = candidates.size() - 1; i >= 0; i--) {
            remaining.add(candidates.get(i));
        }
        remaining.sort(Comparator.comparingDouble((double[] d) -> d[SCORE]).reversed());
        List<double[]> out = new ArrayList<>();
        while (!remaining.isEmpty()) {
            double[] best = remaining.get(0);
            List<double[]> overlapping = new ArrayList<>();
            List<double[]> rest = new ArrayList<>();
            for (double[] d : remaining) {
                (d == best || iou(best, d) > MIN_SUPPRESSION_IOU ? overlapping : rest).add(d);
            }
            remaining = rest;
            double[] merged = best.clone();
            if (overlapping.size() > 1) {
                double total = 0;
                Arrays.fill(merged, 0, NUM_COORDS, 0.0);
                for (double[] d : overlapping) {
                    total += d[SCORE];
                    for (int k = 0; k < NUM_COORDS; k++) {
                        merged[k] += d[k] * d[SCORE];
                    }
                }
                for (int k = 0; k < NUM_COORDS; k++) {
                    merged[k] /= total;
                }
                merged[SCORE] = total / overlapping.size();
            }
            out.add(merged);
        }
        return out;
    }

    private static double iou(double[] a, double[] b) {
        double iw = Math.max(Math.min(a[2], b[2]) - Math.max(a[0], b[0]), 0);
        double ih = Math.max(Math.min(a[3], b[3]) - Math.max(a[1], b[1]), 0);
        double inter = iw * ih;
        double union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter;
        return inter / union;
    }

    private static BlazeDetection toDetection(double[] row) {
        return new BlazeDetection(row[0], row[1], row[2], row[3], Arrays.copyOfRange(row, 4, NUM_COORDS), row[SCORE]);
    }

    /**
     * MediaPipe's SSD anchor layout for this model: layers sharing a stride are merged, each layer adds
     * two anchors per cell (aspect ratio 1 and the interpolated scale), all of fixed size 1.
     */
    private static double[][] buildAnchors() {
        List<double[]> anchors = new ArrayList<>(NUM_ANCHORS);
        int layer = 0;
        while (layer < STRIDES.length) {
            int stride = STRIDES[layer];
            int next = layer;
            while (next < STRIDES.length && STRIDES[next] == stride) {
                next++;
            }
            int perCell = 2 * (next - layer);
            int fh = (INPUT_SIZE + stride - 1) / stride;
            int fw = (INPUT_SIZE + stride - 1) / stride;
            for (int y = 0; y < fh; y++) {
                for (int x = 0; x < fw; x++) {
                    for (int k = 0; k < perCell; k++) {
                        anchors.add(new double[] {(x + 0.5) / fw, (y + 0.5) / fh, 1.0, 1.0});
                    }
                }
            }
            layer = next;
        }
        return anchors.toArray(new double[0][]);
    }
}
