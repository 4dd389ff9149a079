package dittospark.face;

/** An axis-aligned face rectangle in pixels of the picture it was found in: corners (x1, y1), (x2, y2). */
public record FaceBox(float x1, float y1, float x2, float y2) {
    public float width() {
        return x2 - x1;
    }

    public float height() {
        return y2 - y1;
    }

    public float area() {
        return width() * height();
    }
}
