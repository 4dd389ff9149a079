package dittospark.models.demo;

import java.util.Arrays;

/**
 * An upright square crop of the face plane: its centre and side. This is the crop rule of the
 * pipeline (bounding box of the landmarks, side = longest box side * scale, centre moved along the
 * face's vertical axis by vy * side) for a face whose eyes are level above its mouth, which is how
 * the demo draws it: that lets the demo place each model's landmarks where the crop will show them.
 */
record CropFrame(double centreX, double centreY, double side) {

    static CropFrame around(FacePoint[] points, double scale, double vy) {
        double minX = Arrays.stream(points).mapToDouble(FacePoint::x).min().orElseThrow();
        double maxX = Arrays.stream(points).mapToDouble(FacePoint::x).max().orElseThrow();
        double minY = Arrays.stream(points).mapToDouble(FacePoint::y).min().orElseThrow();
        double maxY = Arrays.stream(points).mapToDouble(FacePoint::y).max().orElseThrow();
        double side = Math.max(maxX - minX, maxY - minY) * scale;
        return new CropFrame((minX + maxX) / 2, (minY + maxY) / 2 + vy * side, side);
    }

    /** Where {@code p} lies in the crop, 0..1 across it. */
    FacePoint unit(FacePoint p) {
        return new FacePoint((p.x() - centreX) / side + 0.5, (p.y() - centreY) / side + 0.5);
    }

    /** Where {@code p} lies in the crop, -1..1 across it (the convention of GridSample). */
    FacePoint signed(FacePoint p) {
        FacePoint u = unit(p);
        return new FacePoint(2 * u.x() - 1, 2 * u.y() - 1);
    }
}
