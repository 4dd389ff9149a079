package dittospark.models.demo;

import java.util.Map;

/**
 * The one face every demo model agrees on, drawn in the plane of a frontal face detector's box:
 * origin at the box centre, one unit = half the box side, y downwards. Feature positions follow
 * a frontal face as OpenCV's Haar cascade frames it (eyes a quarter unit above the centre, the
 * mouth half a unit below). Each landmark model reports this face in its own crop, computed with
 * the pipeline's crop rules, so that the chain box -> 106 -> 203 -> 512 crop lands the canonical
 * keypoints on the painted face's features.
 */
final class CanonicalFace {
    /** The 106-landmark crop spans 1.5 times the detector box (side 2 in this plane). */
    private static final CropFrame LANDMARK106_CROP = new CropFrame(0, 0, 1.5 * 2);
    private static final double LANDMARK203_SCALE = 1.5;
    private static final double LANDMARK203_VY = -0.1;
    private static final double MESH_ROI_SCALE = 1.5;

    static final FacePoint LEFT_EYE = new FacePoint(-0.415, -0.24);
    static final double EYE_HALF_WIDTH = 0.16;
    static final double EYE_HALF_OPENING = 0.055;
    static final FacePoint NOSE_TIP = new FacePoint(0, 0.25);
    static final FacePoint UPPER_LIP = new FacePoint(0, 0.47);
    static final FacePoint LOWER_LIP = new FacePoint(0, 0.58);
    /** The face outline: an ellipse around the eyes, nose, mouth and chin. */
    private static final FacePoint OUTLINE_CENTRE = new FacePoint(0, 0.1);
    private static final double OUTLINE_RX = 0.85;
    private static final double OUTLINE_RY = 0.95;
    /**
     * BlazeFace's box: the detector box this plane is drawn in, so that a Face Mesh region placed by
     * BlazeFace, by the cascade's box or by the previous frame's mesh is the same region.
     */
    static final FacePoint BOX_MIN = new FacePoint(-1, -1);
    static final FacePoint BOX_MAX = new FacePoint(1, 1);
    /**
     * The mesh's own outline: as wide as the 106/203 outline and as tall, moved up so that forehead
     * (-1) and chin (1) span the detector box; then the region Face Mesh tracks from its own points
     * is the region it was given, and the crop from its brows, eyes, lips and jaw is as large as the
     * crop from the 203 points.
     */
    private static final FacePoint MESH_OUTLINE_CENTRE = new FacePoint(0, 0.05);
    private static final int MESH_FOREHEAD = 10;
    private static final int MESH_CHIN = 152;
    private static final int[] MESH_CHEEKS = {234, 454};
    private static final double BROW_TOP = -0.9;
    private static final double BROW_HALF_WIDTH = 0.2;
    private static final double INNER_LIP_HALF_WIDTH = 0.2;
    private static final double INNER_LIP_HALF_OPENING = 0.03;

    /**
     * The 21 motion keypoints. Lips (6, 12, 14 upper; 17, 19, 20 lower) sit on the lips so that
     * the warp's displacement, centred on them, opens the painted mouth; the others only anchor.
     */
    static final Map<Integer, FacePoint> KEYPOINTS = Map.ofEntries(
            Map.entry(0, new FacePoint(0, 1.0)), Map.entry(1, new FacePoint(-0.75, 0.6)),
            Map.entry(2, new FacePoint(0.75, 0.6)), Map.entry(3, new FacePoint(-0.8, 0.1)),
            Map.entry(4, new FacePoint(0.8, 0.1)), Map.entry(5, new FacePoint(0, -0.7)),
            Map.entry(7, NOSE_TIP), Map.entry(8, new FacePoint(0, -0.05)),
            Map.entry(9, new FacePoint(-0.7, -0.4)), Map.entry(10, new FacePoint(0.7, -0.4)),
            Map.entry(11, LEFT_EYE), Map.entry(13, LEFT_EYE.mirrored()),
            Map.entry(15, LEFT_EYE.plus(0, -0.21)), Map.entry(16, LEFT_EYE.mirrored().plus(0, -0.21)),
            Map.entry(18, new FacePoint(0, -0.4)),
            Map.entry(6, new FacePoint(-0.2, 0.47)), Map.entry(12, new FacePoint(0, 0.46)),
            Map.entry(14, new FacePoint(0.2, 0.47)),
            Map.entry(17, new FacePoint(-0.2, 0.6)), Map.entry(19, new FacePoint(0, 0.62)),
            Map.entry(20, new FacePoint(0.2, 0.6)));
    static final int[] UPPER_LIP_KEYPOINTS = {6, 12, 14};
    static final int[] LOWER_LIP_KEYPOINTS = {17, 19, 20};

    private CanonicalFace() {
    }

    /** InsightFace 106 layout; the crop reads eyes 33,35,40,39 / 87,89,94,93 and lips 52, 61. */
    static FacePoint[] landmarks106() {
        return landmarks(106, new int[] {33, 35, 40, 39}, new int[] {87, 89, 94, 93}, 52, 61);
    }

    /** LivePortrait 203 layout; the crop reads eyes 0,6,12,18 / 24,30,36,42 and lips 48, 66. */
    static FacePoint[] landmarks203() {
        return landmarks(203, new int[] {0, 6, 12, 18}, new int[] {24, 30, 36, 42}, 48, 66);
    }

    /**
     * MediaPipe Face Mesh layout (478 points); the eye measures read corners 33,133 / 263,362,
     * lid pairs 159-145, 160-144, 158-153 / 386-374, 387-373, 385-380 and irises 468 / 473; the
     * mediapipe front end's crop reads the eye contours, brows, inner lips and jaw line.
     */
    static FacePoint[] mesh478() {
        FacePoint[] p = outline(478, MESH_OUTLINE_CENTRE);
        p[MESH_FOREHEAD] = new FacePoint(0, BOX_MIN.y());
        p[MESH_CHIN] = new FacePoint(0, BOX_MAX.y());
        p[MESH_CHEEKS[0]] = MESH_OUTLINE_CENTRE.plus(-OUTLINE_RX, 0);
        p[MESH_CHEEKS[1]] = MESH_OUTLINE_CENTRE.plus(OUTLINE_RX, 0);
        meshEye(p, LEFT_EYE, 33, 133, new int[] {160, 159, 158}, new int[] {144, 145, 153}, 468);
        meshEye(p, LEFT_EYE.mirrored(), 263, 362, new int[] {387, 386, 385}, new int[] {373, 374, 380}, 473);
        meshEyeContour(p, LEFT_EYE, new int[] {246, 161, 157, 173}, new int[] {7, 163, 154, 155});
        meshEyeContour(p, LEFT_EYE.mirrored(), new int[] {466, 388, 384, 398}, new int[] {249, 390, 381, 382});
        meshBrow(p, LEFT_EYE, new int[] {70, 63, 105, 66, 107}, new int[] {46, 53, 52, 65, 55});
        meshBrow(p, LEFT_EYE.mirrored(), new int[] {300, 293, 334, 296, 336}, new int[] {276, 283, 282, 295, 285});
        meshInnerLips(p, new int[] {191, 80, 81, 82, 13, 312, 311, 310, 415}, new int[] {95, 88, 178, 87, 14, 317, 402, 318, 324},
                78, 308);
        return p;
    }

    /** BlazeFace keypoints: the eyes (image left first), nose tip, mouth, the ears. */
    static FacePoint[] blazeKeypoints() {
        return new FacePoint[] {LEFT_EYE, LEFT_EYE.mirrored(), NOSE_TIP, middle(UPPER_LIP, LOWER_LIP),
                new FacePoint(-OUTLINE_RX, 0), new FacePoint(OUTLINE_RX, 0)};
    }

    static CropFrame landmark106Crop() {
        return LANDMARK106_CROP;
    }

    static CropFrame landmark203Crop() {
        return CropFrame.around(landmarks106(), LANDMARK203_SCALE, LANDMARK203_VY);
    }

    /** The 512 crop the renderer animates, placed by the 203 landmarks. */
    static CropFrame renderCrop() {
        return CropFrame.around(landmarks203(), DemoConfig.CROP_SCALE, DemoConfig.CROP_VY_RATIO);
    }

    /** The Face Mesh region: BlazeFace's box made square on its long side and scaled. */
    static CropFrame meshCrop() {
        double side = Math.max(BOX_MAX.x() - BOX_MIN.x(), BOX_MAX.y() - BOX_MIN.y()) * MESH_ROI_SCALE;
        FacePoint c = middle(BOX_MIN, BOX_MAX);
        return new CropFrame(c.x(), c.y(), side);
    }

    private static FacePoint[] outline(int n) {
        return outline(n, OUTLINE_CENTRE);
    }

    private static FacePoint[] outline(int n, FacePoint centre) {
        FacePoint[] p = new FacePoint[n];
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            p[i] = centre.plus(OUTLINE_RX * Math.cos(a), OUTLINE_RY * Math.sin(a));
        }
        return p;
    }

    /** The outline with the points the crop anchors on: each eye as outer corner, upper lid, inner corner, lower lid. */
    private static FacePoint[] landmarks(int n, int[] leftEye, int[] rightEye, int upperLip, int lowerLip) {
        FacePoint[] p = outline(n);
        eye(p, LEFT_EYE, leftEye);
        eye(p, LEFT_EYE.mirrored(), rightEye);
        p[upperLip] = UPPER_LIP;
        p[lowerLip] = LOWER_LIP;
        return p;
    }

    /** Four points whose mean is the eye centre: corners and lids. */
    private static void eye(FacePoint[] p, FacePoint centre, int[] outerUpperInnerLower) {
        double side = Math.signum(centre.x());
        p[outerUpperInnerLower[0]] = centre.plus(side * EYE_HALF_WIDTH, 0);
        p[outerUpperInnerLower[1]] = centre.plus(0, -EYE_HALF_OPENING);
        p[outerUpperInnerLower[2]] = centre.plus(-side * EYE_HALF_WIDTH, 0);
        p[outerUpperInnerLower[3]] = centre.plus(0, EYE_HALF_OPENING);
    }

    /** An open eye: lid pairs over the eye's width, the iris in its centre. */
    private static void meshEye(FacePoint[] p, FacePoint centre, int outer, int inner, int[] upper, int[] lower,
                                int iris) {
        double side = Math.signum(centre.x());
        p[outer] = centre.plus(side * EYE_HALF_WIDTH, 0);
        p[inner] = centre.plus(-side * EYE_HALF_WIDTH, 0);
        for (int k = 0; k < 3; k++) {
            double dx = side * (1 - k) * EYE_HALF_WIDTH / 2;
            double opening = k == 1 ? EYE_HALF_OPENING : EYE_HALF_OPENING * 0.8;
            p[upper[k]] = centre.plus(dx, -opening);
            p[lower[k]] = centre.plus(dx, opening);
        }
        p[iris] = centre;
    }

    /**
     * The rest of an eye's 16-point contour, upper and lower lid from the outer corner inwards,
     * placed in mirrored pairs so that the contour's mean is the eye centre.
     */
    private static void meshEyeContour(FacePoint[] p, FacePoint centre, int[] upper, int[] lower) {
        double side = Math.signum(centre.x());
        double[] along = {0.8, 0.65, -0.65, -0.8};
        for (int k = 0; k < along.length; k++) {
            double dx = side * along[k] * EYE_HALF_WIDTH;
            p[upper[k]] = centre.plus(dx, -EYE_HALF_OPENING / 2);
            p[lower[k]] = centre.plus(dx, EYE_HALF_OPENING / 2);
        }
    }

    /** A brow over the eye: its upper edge at {@link #BROW_TOP}, the lower one just beneath. */
    private static void meshBrow(FacePoint[] p, FacePoint eye, int[] upper, int[] lower) {
        for (int k = 0; k < upper.length; k++) {
            double x = eye.x() + BROW_HALF_WIDTH * (2.0 * k / (upper.length - 1) - 1);
            p[upper[k]] = new FacePoint(x, BROW_TOP);
            p[lower[k]] = new FacePoint(x, BROW_TOP + EYE_HALF_OPENING);
        }
    }

    /** The inner lip contour, symmetric about the middle of the lips that the 203 points mark. */
    private static void meshInnerLips(FacePoint[] p, int[] upper, int[] lower, int leftCorner, int rightCorner) {
        FacePoint centre = middle(UPPER_LIP, LOWER_LIP);
        p[leftCorner] = centre.plus(-INNER_LIP_HALF_WIDTH, 0);
        p[rightCorner] = centre.plus(INNER_LIP_HALF_WIDTH, 0);
        for (int k = 0; k < upper.length; k++) {
            double u = 2.0 * (k + 1) / (upper.length + 1) - 1;
            double dy = INNER_LIP_HALF_OPENING * Math.sqrt(1 - u * u);
            p[upper[k]] = centre.plus(u * INNER_LIP_HALF_WIDTH, -dy);
            p[lower[k]] = centre.plus(u * INNER_LIP_HALF_WIDTH, dy);
        }
    }

    private static FacePoint middle(FacePoint a, FacePoint b) {
        return new FacePoint((a.x() + b.x()) / 2, (a.y() + b.y()) / 2);
    }
}
