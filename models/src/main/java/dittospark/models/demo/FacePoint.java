package dittospark.models.demo;

/** A 2-D point, x to the right and y downwards as in images. */
record FacePoint(double x, double y) {

    FacePoint plus(double dx, double dy) {
        return new FacePoint(x + dx, y + dy);
    }

    FacePoint mirrored() {
        return new FacePoint(-x, y);
    }
}
