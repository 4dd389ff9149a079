package dittospark.face;

import dittospark.image.Image;
import dittospark.image.ImageOps;

/** Input of the motion and appearance extractors: the 512 crop area-averaged to 256, RGB/255, NCHW. */
public final class ExtractorInput {
    public static final int SIZE = 256;

    private ExtractorInput() {
    }

    public static float[] of(Image crop) {
        return Planes.of(ImageOps.resizeArea(crop, SIZE, SIZE), false, 255f);
    }
}
