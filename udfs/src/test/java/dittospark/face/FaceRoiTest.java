package dittospark.face;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FaceRoiTest {
    private static final double[] NO_TILT = {0.4, 0.5, 0.6, 0.5, 0.5, 0.6, 0.5, 0.7, 0.3, 0.5, 0.7, 0.5};

    @Test
    void roiIsTheBoxCentreSquaredOnItsLongSideAndEnlarged() {
        BlazeDetection det = new BlazeDetection(32, 40, 96, 80, NO_TILT, 0.9);

        FaceRoi roi = FaceRoi.fromDetection(det, 512, 512);

        assertThat(roi.centerX()).as("centre x in image pixels").isCloseTo(64 * 4, within(1e-9));
        assertThat(roi.centerY()).as("centre y in image pixels").isCloseTo(60 * 4, within(1e-9));
        assertThat(roi.width()).as("width: long side 64 * 4 * 1.5").isCloseTo(384, within(1e-9));
        assertThat(roi.height()).as("height equals width").isCloseTo(384, within(1e-9));
        assertThat(roi.rotation()).as("level eyes").isCloseTo(0, within(1e-12));
    }

    @Test
    void rotationFollowsTheEyeLine() {
        double[] kps = NO_TILT.clone();
        // Second keypoint lower than the first: the eye line turns clockwise on screen (towards +y).
        kps[3] = 0.7;

        FaceRoi roi = FaceRoi.fromDetection(new BlazeDetection(32, 40, 96, 80, kps, 0.9), 512, 512);

        assertThat(roi.rotation()).as("45 degrees towards +y").isCloseTo(Math.PI / 4, within(1e-12));
    }

    @Test
    void rotationIsNormalisedToMinusPiInclusive() {
        double[] kps = NO_TILT.clone();
        // Eyes swapped: the line points to -x, a half turn.
        kps[0] = 0.6;
        kps[2] = 0.4;

        FaceRoi roi = FaceRoi.fromDetection(new BlazeDetection(32, 40, 96, 80, kps, 0.9), 512, 512);

        assertThat(roi.rotation()).as("half turn").isCloseTo(-Math.PI, within(1e-12));
    }

    @Test
    void aBoxWithoutKeypointsGivesAnUprightSquareEnlargedRoi() {
        FaceRoi roi = FaceRoi.fromBox(new FaceBox(100, 200, 180, 300));

        assertThat(roi.centerX()).as("centre x").isCloseTo(140, within(1e-9));
        assertThat(roi.centerY()).as("centre y").isCloseTo(250, within(1e-9));
        assertThat(roi.width()).as("width: long side 100 * 1.5").isCloseTo(150, within(1e-9));
        assertThat(roi.rotation()).as("rotation").isZero();
    }

    @Test
    void landmarksGiveTheirBoundingBoxEnlargedAndTurnedByTheOuterEyeCorners() {
        float[] xy = new float[2 * FaceMeshCodec.NUM_LANDMARKS];
        for (int i = 0; i < FaceMeshCodec.NUM_LANDMARKS; i++) {
            xy[2 * i] = 100 + (i % 2) * 200;
            xy[2 * i + 1] = 50 + (i % 3) * 50;
        }
        xy[2 * 33] = 150;
        xy[2 * 33 + 1] = 100;
        xy[2 * 263] = 250;
        xy[2 * 263 + 1] = 200;

        FaceRoi roi = FaceRoi.fromLandmarks(xy);

        assertThat(roi.centerX()).as("centre x of x 100..300").isCloseTo(200, within(1e-9));
        assertThat(roi.centerY()).as("centre y of y 50..200").isCloseTo(125, within(1e-9));
        assertThat(roi.width()).as("width: long side 200 * 1.5").isCloseTo(300, within(1e-9));
        assertThat(roi.rotation()).as("eye line 45 degrees towards +y").isCloseTo(Math.PI / 4, within(1e-12));
    }

    @Test
    void mappingScalesAndMovesTheRoiButKeepsItsTurn() {
        FaceRoi roi = new FaceRoi(10, 20, 30, 30, 0.25).mapped(2, 100, 50);

        assertThat(new double[] {roi.centerX(), roi.centerY(), roi.width(), roi.height(), roi.rotation()})
                .as("centre, size and rotation after scaling by 2 and moving by (100, 50)")
                .containsExactly(120, 90, 60, 60, 0.25);
    }
}
