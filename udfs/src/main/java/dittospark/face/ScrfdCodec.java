package dittospark.face;

import dittospark.image.Image;
import dittospark.image.ImageOps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Input and output arithmetic of the SCRFD face detector ({@code insightface_det.onnx}): a 512x512
 * top-left letterbox in, anchor-decoded boxes with five keypoints out, score threshold 0.5 and NMS at
 * IoU 0.4. Float32 where the reference is.
 */
public final class ScrfdCodec {
    public static final int INPUT_SIZE = 512;
    public static final float SCORE_THRESHOLD = 0.5f;
    public static final float NMS_THRESHOLD = 0.4f;
    private static final int[] STRIDES = {8, 16, 32};
    private static final int ANCHORS_PER_CELL = 2;

    /** The model input [1,3,512,512] (B,G,R planes) and the factor from picture to letterbox pixels. */
    public record Input(float[] blob, double detScale) {
    }

    /** A face: box and five (x, y) keypoints in picture pixels, and the detector's score. */
    public record Detection(FaceBox box, float score, float[] keypoints) {
    }

    private ScrfdCodec() {
    }

    /** {@code new_h / h} of the letterbox that fits a {@code width x height} picture into 512x512. */
    public static double detScale(int width, int height) {
        return letterboxHeight(width, height) / (double) height;
    }

    private static int letterboxHeight(int width, int height) {
        double imRatio = (double) height / width;
        return imRatio > 1 ? INPUT_SIZE : (int) (INPUT_SIZE * imRatio);
    }

    private static int letterboxWidth(int width, int height) {
        double imRatio = (double) height / width;
        return imRatio > 1 ? (int) (INPUT_SIZE / imRatio) : INPUT_SIZE;
    }

    /** Letterboxes an RGB picture (bilinear) and builds {@code (pixel - 127.5) / 128} in B,G,R order. */
    public static Input preprocess(Image rgb) {
        int w = letterboxWidth(rgb.width(), rgb.height());
        int h = letterboxHeight(rgb.width(), rgb.height());
        Image resized = ImageOps.resize(rgb, w, h);
        int plane = INPUT_SIZE * INPUT_SIZE;
        float[] blob = new float[3 * plane];
        float padding = (0f - 127.5f) / 128f;
        Arrays.fill(blob, padding);
        byte[] px = resized.rgb();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int src = (y * w + x) * 3;
                int dst = y * INPUT_SIZE + x;
                for (int c = 0; c < 3; c++) {
                    blob[(2 - c) * plane + dst] = ((px[src + c] & 0xFF) - 127.5f) / 128f;
                }
            }
        }
        return new Input(blob, detScale(rgb.width(), rgb.height()));
    }

    /**
     * Decodes the nine outputs in contract order (scores s8, s16, s32; boxes s8..s32; keypoints
     * s8..s32), each flattened: faces with score >= 0.5 after NMS, best score first, in picture pixels.
     */
    public static List<Detection> decode(float[][] outputs, double detScale) {
        if (outputs.length != 3 * STRIDES.length) {
            throw new IllegalArgumentException("SCRFD has 9 outputs, got " + outputs.length);
        }
        float scale = (float) detScale;
        List<Detection> candidates = new ArrayList<>();
        for (int k = 0; k < STRIDES.length; k++) {
            int stride = STRIDES[k];
            int cells = INPUT_SIZE / stride;
            float[] scores = outputs[k];
            float[] boxes = outputs[STRIDES.length + k];
            float[] kps = outputs[2 * STRIDES.length + k];
            int n = cells * cells * ANCHORS_PER_CELL;
            if (scores.length != n || boxes.length != 4 * n || kps.length != 10 * n) {
                throw new IllegalArgumentException("SCRFD stride " + stride + " outputs do not hold " + n + " anchors");
            }
            for (int i = 0; i < n; i++) {
                if (!(scores[i] >= SCORE_THRESHOLD)) {
                    continue;
                }
                int cell = i / ANCHORS_PER_CELL;
                float cx = (cell % cells) * (float) stride;
                float cy = (cell / cells) * (float) stride;
                FaceBox box = new FaceBox(
                        (cx - boxes[4 * i] * stride) / scale, (cy - boxes[4 * i + 1] * stride) / scale,
                        (cx + boxes[4 * i + 2] * stride) / scale, (cy + boxes[4 * i + 3] * stride) / scale);
                float[] points = new float[10];
                for (int j = 0; j < 10; j += 2) {
                    points[j] = (cx + kps[10 * i + j] * stride) / scale;
                    points[j + 1] = (cy + kps[10 * i + j + 1] * stride) / scale;
                }
                candidates.add(new Detection(box, scores[i], points));
            }
        }
        // the reference reverses an ascending sort: among equal scores the later anchor comes first
        List<Detection> ordered = new ArrayList<>(candidates.size());
        for (int i = candidates.size() - 1; i >= 0; i--) {
            ordered.add(candidates.get(i));
        }
        ordered.sort(Comparator.comparingDouble((Detection d) -> d.score()).reversed());
        return nms(ordered);
    }

    /** Greedy NMS with the "+1" pixel area convention, in float32. */
    private static List<Detection> nms(List<Detection> ordered) {
        List<Detection> keep = new ArrayList<>();
        List<Detection> rest = ordered;
        while (!rest.isEmpty()) {
            Detection best = rest.get(0);
            keep.add(best);
            FaceBox a = best.box();
            float areaA = (a.x2() - a.x1() + 1) * (a.y2() - a.y1() + 1);
            List<Detection> next = new ArrayList<>();
            for (int i = 1; i < rest.size(); i++) {
                FaceBox b = rest.get(i).box();
                float w = Math.max(0f, Math.min(a.x2(), b.x2()) - Math.max(a.x1(), b.x1()) + 1);
                float h = Math.max(0f, Math.min(a.y2(), b.y2()) - Math.max(a.y1(), b.y1()) + 1);
                float inter = w * h;
                float areaB = (b.x2() - b.x1() + 1) * (b.y2() - b.y1() + 1);
                if (inter / (areaA + areaB - inter) <= NMS_THRESHOLD) {
                    next.add(rest.get(i));
                }
            }
            rest = next;
        }
        return keep;
    }

    /** The detection with the largest box area (the first of equals), as the reference picks its face. */
    public static Optional<Detection> largest(List<Detection> detections) {
        Detection best = null;
        for (Detection d : detections) {
            if (best == null || d.box().area() > best.box().area()) {
                best = d;
            }
        }
        return Optional.ofNullable(best);
    }
}
