package dittospark.face;

import dittospark.errors.RenderException;
import dittospark.image.Affine;
import dittospark.image.Image;
import dittospark.image.ImageOps;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * BlazeFace over a whole source picture. The model is the short-range one (a 128x128 input for
 * faces that fill much of it), so it first sees the picture downscaled whole, letterboxed at the
 * top-left of a square; where that finds nothing (a small face in a large frame), it looks again
 * at square tiles of half the long side, overlapping by half, each downscaled to 128. The largest
 * face found becomes Face Mesh's region.
 */
public final class BlazeFaceSearch {
    private static final int TILES_PER_SIDE = 2;

    private BlazeFaceSearch() {
    }

    /** The Face Mesh region of the largest face, in picture pixels; empty when neither pass finds one. */
    public static Optional<FaceRoi> largestFace(Image picture, MediaPipeModels models) throws RenderException {
        int longSide = Math.max(picture.width(), picture.height());
        Optional<FaceRoi> whole = largest(pass(picture, longSide, models));
        return whole.isPresent() ? whole : largest(pass(picture, longSide / TILES_PER_SIDE, models));
    }

    /** Every face BlazeFace finds in the square windows of side {@code window} that cover the picture. */
    private static List<FaceRoi> pass(Image picture, int window, MediaPipeModels models) throws RenderException {
        int size = BlazeFaceCodec.INPUT_SIZE;
        double s = size / (double) window;
        Image small = ImageOps.resizeArea(picture, Math.max(1, (int) Math.round(picture.width() * s)),
                Math.max(1, (int) Math.round(picture.height() * s)));
        List<FaceRoi> faces = new ArrayList<>();
        for (int y0 : starts(picture.height(), window)) {
            for (int x0 : starts(picture.width(), window)) {
                Image tile = ImageOps.warpAffine(small, Affine.of(1, 0, -x0 * s, 0, 1, -y0 * s), size, size);
                float[][] raw = models.blazeFace(BlazeFaceCodec.preprocess(tile));
                for (BlazeDetection d : BlazeFaceCodec.decode(raw[0], raw[1])) {
                    faces.add(FaceRoi.fromDetection(d, size, size).mapped(1 / s, x0, y0));
                }
            }
        }
        return faces;
    }

    /** Window origins along a side of {@code length}: every half window, the last one flush with the end. */
    static List<Integer> starts(int length, int window) {
        List<Integer> out = new ArrayList<>();
        int step = Math.max(1, window / 2);
        for (int at = 0; at + window < length; at += step) {
            out.add(at);
        }
        out.add(Math.max(0, length - window));
        return out;
    }

    private static Optional<FaceRoi> largest(List<FaceRoi> faces) {
        return faces.stream().max(Comparator.comparingDouble(FaceRoi::width));
    }
}
