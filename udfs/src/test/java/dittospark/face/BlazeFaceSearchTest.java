package dittospark.face;

import dittospark.image.Image;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The whole-picture pass, the tiles pass and the mapping of their detections back into the picture. */
class BlazeFaceSearchTest {
    /** The stub sees a "face" only where a white square spans at least this many of its input pixels. */
    private static final int SMALLEST_FACE = 8;
    private static final int GRID = 16;

    /**
     * A BlazeFace stand-in that reports the white square of its input as one face, box and level
     * eyes encoded on the stride-8 anchor of its centre, the way the model's regressors are decoded.
     */
    private static final MediaPipeModels WHITE_SQUARE = new MediaPipeModels() {
        @Override
        public float[][] blazeFace(float[] nhwc) {
            int size = BlazeFaceCodec.INPUT_SIZE;
            float[] regressors = new float[BlazeFaceCodec.NUM_ANCHORS * BlazeFaceCodec.NUM_COORDS];
            float[] scores = new float[BlazeFaceCodec.NUM_ANCHORS];
            Arrays.fill(scores, -10f);
            int minX = size;
            int minY = size;
            int maxX = -1;
            int maxY = -1;
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int o = 3 * (y * size + x);
                    if (nhwc[o] > 0.8f && nhwc[o + 1] > 0.8f && nhwc[o + 2] > 0.8f) {
                        minX = Math.min(minX, x);
                        maxX = Math.max(maxX, x + 1);
                        minY = Math.min(minY, y);
                        maxY = Math.max(maxY, y + 1);
                    }
                }
            }
            if (maxX - minX < SMALLEST_FACE) {
                return new float[][] {regressors, scores};
            }
            double cx = (minX + maxX) / 2.0;
            double cy = (minY + maxY) / 2.0;
            int col = (int) (cx / size * GRID);
            int row = (int) (cy / size * GRID);
            int anchor = (row * GRID + col) * 2;
            double ax = (col + 0.5) / GRID * size;
            double ay = (row + 0.5) / GRID * size;
            int o = anchor * BlazeFaceCodec.NUM_COORDS;
            regressors[o] = (float) (cx - ax);
            regressors[o + 1] = (float) (cy - ay);
            regressors[o + 2] = maxX - minX;
            regressors[o + 3] = maxY - minY;
            regressors[o + 4] = (float) (cx - (maxX - minX) / 4.0 - ax);
            regressors[o + 5] = (float) (cy - ay);
            regressors[o + 6] = (float) (cx + (maxX - minX) / 4.0 - ax);
            regressors[o + 7] = (float) (cy - ay);
            scores[anchor] = 10f;
            return new float[][] {regressors, scores};
        }

        @Override
        public float[] faceMesh(float[] nhwc) {
            throw new UnsupportedOperationException("the search runs no mesh");
        }
    };

    /** A grey picture with a white square. */
    private static Image picture(int width, int height, int x0, int y0, int side) {
        byte[] rgb = new byte[3 * width * height];
        Arrays.fill(rgb, (byte) 128);
        for (int y = y0; y < y0 + side; y++) {
            for (int x = x0; x < x0 + side; x++) {
                Arrays.fill(rgb, 3 * (y * width + x), 3 * (y * width + x) + 3, (byte) 255);
            }
        }
        return new Image(width, height, rgb);
    }

    @Test
    void aFaceTheWholePictureShowsIsFoundAtItsPlace() throws Exception {
        FaceRoi roi = BlazeFaceSearch.largestFace(picture(800, 600, 500, 300, 200), WHITE_SQUARE).orElseThrow();

        assertThat(roi.centerX()).as("ROI centre x").isCloseTo(600, within(1e-3));
        assertThat(roi.centerY()).as("ROI centre y").isCloseTo(400, within(1e-3));
        assertThat(roi.width()).as("ROI side: the face side 200 * 1.5").isCloseTo(300, within(1e-3));
    }

    @Test
    void aFaceTooSmallForTheWholePictureIsFoundInATile() throws Exception {
        FaceRoi roi = BlazeFaceSearch.largestFace(picture(1600, 1600, 1000, 300, 75), WHITE_SQUARE).orElseThrow();

        assertThat(roi.centerX()).as("ROI centre x").isCloseTo(1037.5, within(1e-3));
        assertThat(roi.centerY()).as("ROI centre y").isCloseTo(337.5, within(1e-3));
        assertThat(roi.width()).as("ROI side: the face side 75 * 1.5").isCloseTo(112.5, within(1e-3));
    }

    @Test
    void aPictureWithoutAFaceGivesNone() throws Exception {
        Optional<FaceRoi> roi = BlazeFaceSearch.largestFace(picture(640, 480, 0, 0, 0), WHITE_SQUARE);

        assertThat(roi).as("face in a plain grey picture").isEmpty();
    }

    @Test
    void tilesOverlapByHalfAndTheLastEndsAtTheEdge() {
        assertThat(BlazeFaceSearch.starts(1000, 400)).as("tile origins along 1000 pixels, tiles of 400")
                .containsExactly(0, 200, 400, 600);
    }
}
