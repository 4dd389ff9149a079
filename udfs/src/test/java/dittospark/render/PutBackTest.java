package dittospark.render;

import dittospark.image.Affine;
import dittospark.image.FloatImage;
import dittospark.image.FrameBuffer;
import dittospark.image.Image;
import dittospark.image.ImageOps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PutBackTest {
    private static final int SIZE = FaceMask.SIZE;
    private static final Affine IDENTITY = Affine.of(1, 0, 0, 0, 1, 0);

    @Test
    void replaceMaskCopiesTheRenderTruncated() throws Exception {
        Image out = pasted(FaceMask.forMode("replace", 1), frame(512, 512, 7), decoded(0.79f), IDENTITY);

        assertThat(out.at(100, 100, 1)).as("pixel inside the square (0.79 * 255 = 201.45)").isEqualTo(201);
    }

    @Test
    void decoderValuesAreClippedToZeroAndOne() throws Exception {
        FloatImage replace = FaceMask.forMode("replace", 1);

        assertThat(pasted(replace, frame(512, 512, 7), decoded(1.7f), IDENTITY).at(9, 9, 0)).as("above 1")
                .isEqualTo(255);
        assertThat(pasted(replace, frame(512, 512, 7), decoded(-0.3f), IDENTITY).at(9, 9, 0)).as("below 0")
                .isZero();
    }

    @Test
    void outsideTheWarpedCropTheFrameStays() throws Exception {
        Image out = pasted(FaceMask.forMode("replace", 1), frame(800, 600, 7), decoded(200 / 255f),
                Affine.of(0.5, 0, 0, 0, 0.5, 0));

        assertThat(out.at(700, 500, 0)).as("pixel far outside the pasted face").isEqualTo(7);
        assertThat(out.at(100, 100, 0)).as("pixel inside the pasted face").isEqualTo(200);
    }

    @Test
    void halfMaskAveragesRenderAndFrame() throws Exception {
        Image out = pasted(FaceMask.forMode("custom", 0.5), frame(512, 512, 100), decoded(200 / 255f), IDENTITY);

        assertThat(out.at(256, 256, 2)).as("centre pixel").isEqualTo(150);
    }

    @Test
    void fusedBlendEqualsWarpThenBlendForRandomData() throws Exception {
        Random random = new Random(9);
        FloatImage mask = FaceMask.forMode("blend", 1);
        try (PutBack putBack = new PutBack(mask, 2)) {
            for (int k = 0; k < 8; k++) {
                Image frame = noiseFrame(300 + random.nextInt(200), 200 + random.nextInt(200), random);
                float[] decoded = noiseDecoded(random);
                Affine c2o = randomTransform(random, frame);
                FrameBuffer out = buffer(frame.width(), frame.height(), frame.width() * 3);

                putBack.apply(frame, decoded, c2o, out);

                assertThat(out.toImage().rgb()).as("put back with transform %s", c2o)
                        .isEqualTo(warpThenBlend(frame, decoded, c2o, mask));
            }
        }
    }

    @Test
    void aPictureSourcesFramesEqualFrameByFrameBlendingInReusedBuffers() throws Exception {
        Random random = new Random(4);
        FloatImage mask = FaceMask.forMode("blend", 1);
        Image picture = noiseFrame(420, 380, random);
        Affine c2o = Affine.of(0.55, -0.2, 120, 0.2, 0.55, 40).toFloat32();
        List<FrameBuffer> pool = List.of(buffer(420, 380, 1268), buffer(420, 380, 1268), buffer(420, 380, 1268));
        List<String> wrong = new ArrayList<>();
        try (PutBack putBack = new PutBack(mask, 2)) {
            for (int f = 0; f < 8; f++) {
                float[] decoded = noiseDecoded(random);
                FrameBuffer out = pool.get(f % pool.size());

                putBack.apply(picture, decoded, c2o, out);

                if (!Arrays.equals(out.toImage().rgb(), warpThenBlend(picture, decoded, c2o, mask))) {
                    wrong.add("frame " + f);
                }
            }
        }

        assertThat(wrong).as("frames that differ from blending each frame on its own").isEmpty();
    }

    @Test
    void aBufferThatHoldsTheFrameHasOnlyItsFacePixelsWritten() throws Exception {
        Image picture = frame(400, 300, 60);
        FrameBuffer out = buffer(400, 300, 1200);
        Affine c2o = Affine.of(0.3, 0, 10, 0, 0.3, 10);
        try (PutBack putBack = new PutBack(FaceMask.forMode("replace", 1), 1)) {
            putBack.apply(picture, decoded(0.5f), c2o, out);
            out.pixels().put(299 * 1200 + 399 * 3, (byte) 1);

            putBack.apply(picture, decoded(0.9f), c2o, out);
        }

        assertThat(out.pixels().get(299 * 1200 + 399 * 3) & 0xFF).as("background pixel left since the first frame")
                .isEqualTo(1);
        assertThat(out.toImage().at(50, 50, 0)).as("face pixel of the second frame").isEqualTo(229);
    }

    @Test
    void anotherFrameInTheBufferGetsItsWholeBackground() throws Exception {
        FrameBuffer out = buffer(400, 300, 1200);
        Affine c2o = Affine.of(0.3, 0, 10, 0, 0.3, 10);
        try (PutBack putBack = new PutBack(FaceMask.forMode("replace", 1), 1)) {
            putBack.apply(frame(400, 300, 60), decoded(0.5f), c2o, out);
            out.pixels().put(299 * 1200 + 399 * 3, (byte) 1);

            putBack.apply(frame(400, 300, 80), decoded(0.5f), c2o, out);
        }

        assertThat(out.pixels().get(299 * 1200 + 399 * 3) & 0xFF).as("background pixel of the second frame")
                .isEqualTo(80);
    }

    @Test
    void aNewTransformGathersAgainAndRepaintsTheBackground() throws Exception {
        Image picture = frame(1024, 1024, 0);
        FrameBuffer out = buffer(1024, 1024, 1024 * 3);
        try (PutBack putBack = new PutBack(FaceMask.forMode("replace", 1), 2)) {
            putBack.apply(picture, decoded(1f), IDENTITY, out);

            putBack.apply(picture, decoded(1f), Affine.of(1, 0, 512, 0, 1, 512), out);
        }

        assertThat(out.toImage().at(100, 100, 0)).as("pixel where the first transform pasted").isZero();
        assertThat(out.toImage().at(700, 700, 0)).as("pixel where the second transform pastes").isEqualTo(255);
    }

    @ParameterizedTest(name = "stride {0}")
    @ValueSource(ints = {3 * 301 + 1, 3 * 301 + 2, 3 * 301 + 64})
    void buffersWithPaddedRowsHoldTheSamePicture(int stride) throws Exception {
        Random random = new Random(stride);
        FloatImage mask = FaceMask.forMode("blend", 1);
        Image frame = noiseFrame(301, 211, random);
        float[] decoded = noiseDecoded(random);
        Affine c2o = Affine.of(0.4, 0.1, 20, -0.1, 0.4, 30);
        ByteBuffer bytes = ByteBuffer.allocate(stride * 211);
        Arrays.fill(bytes.array(), (byte) 0x5A);
        FrameBuffer out = new FrameBuffer(301, 211, stride, bytes);
        try (PutBack putBack = new PutBack(mask, 2)) {
            putBack.apply(frame, decoded, c2o, out);
        }

        assertThat(out.toImage().rgb()).as("picture").isEqualTo(warpThenBlend(frame, decoded, c2o, mask));
        assertThat(padding(bytes, 301, 211, stride)).as("bytes past each row's pixels").containsOnly((byte) 0x5A);
    }

    @Test
    void aFaceOutsideTheFrameLeavesTheFrameAsItIs() throws Exception {
        Random random = new Random(2);
        Image frame = noiseFrame(320, 240, random);

        Image out = pasted(FaceMask.forMode("replace", 1), frame, noiseDecoded(random),
                Affine.of(0.5, 0, 400, 0, 0.5, -300));

        assertThat(out.rgb()).as("frame with a face pasted beyond its right edge").isEqualTo(frame.rgb());
    }

    @Test
    void aFaceCoveringTheWholeFrameEqualsWarpThenBlend() throws Exception {
        Random random = new Random(8);
        FloatImage mask = FaceMask.forMode("strong", 1);
        Image frame = noiseFrame(320, 240, random);
        float[] decoded = noiseDecoded(random);
        Affine c2o = Affine.of(2.5, 0.3, -300, -0.3, 2.5, -350).toFloat32();

        Image out = pasted(mask, frame, decoded, c2o);

        assertThat(out.rgb()).as("frame inside the face's interior").isEqualTo(warpThenBlend(frame, decoded, c2o, mask));
    }

    @Test
    void oneTwoAndThreeThreadsWriteTheSameBytes() throws Exception {
        Random random = new Random(6);
        FloatImage mask = FaceMask.forMode("blend", 1);
        Image frame = noiseFrame(640, 480, random);
        float[] decoded = noiseDecoded(random);
        Affine c2o = Affine.of(0.7, -0.4, 250, 0.4, 0.7, -60).toFloat32();
        List<byte[]> outputs = new ArrayList<>();
        for (int threads = 1; threads <= 3; threads++) {
            FrameBuffer out = buffer(640, 480, 640 * 3);
            try (PutBack putBack = new PutBack(mask, threads)) {
                putBack.apply(frame, decoded, c2o, out);
            }
            outputs.add(out.toImage().rgb());
        }

        assertThat(outputs.get(1)).as("two threads against one").isEqualTo(outputs.get(0));
        assertThat(outputs.get(2)).as("three threads against one").isEqualTo(outputs.get(0));
    }

    /** The reference's arithmetic: render and mask warped over the whole frame by OpenCV, then blended. */
    static byte[] warpThenBlend(Image frame, float[] decoded, Affine c2o, FloatImage mask) {
        float[] m = ImageOps.warpAffine(mask, c2o, frame.width(), frame.height()).data();
        float[] r = ImageOps.warpAffine(render(decoded), c2o, frame.width(), frame.height()).data();
        byte[] f = frame.rgb();
        byte[] out = f.clone();
        for (int i = 0; i < f.length; i++) {
            float a = Math.min(1f, Math.max(0f, m[i / 3]));
            if (a > 0f) {
                float v = Math.min(255f, Math.max(0f, a * r[i] + (1f - a) * (f[i] & 0xFF)));
                out[i] = (byte) (int) v;
            }
        }
        return out;
    }

    /** Decoder planes as a picture: interleaved, clipped to [0, 1], times 255. */
    private static FloatImage render(float[] chw) {
        int plane = SIZE * SIZE;
        float[] hwc = new float[3 * plane];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < plane; i++) {
                hwc[3 * i + c] = Math.min(1f, Math.max(0f, chw[c * plane + i])) * 255f;
            }
        }
        return new FloatImage(SIZE, SIZE, 3, hwc);
    }

    private static Image pasted(FloatImage mask, Image frame, float[] decoded, Affine c2o) throws Exception {
        FrameBuffer out = buffer(frame.width(), frame.height(), frame.width() * 3);
        try (PutBack putBack = new PutBack(mask, 2)) {
            putBack.apply(frame, decoded, c2o, out);
        }
        return out.toImage();
    }

    private static FrameBuffer buffer(int w, int h, int stride) {
        return new FrameBuffer(w, h, stride, ByteBuffer.allocate(stride * h));
    }

    private static byte[] padding(ByteBuffer bytes, int w, int h, int stride) {
        byte[] pad = new byte[(stride - w * 3) * h];
        for (int y = 0; y < h; y++) {
            bytes.get(y * stride + w * 3, pad, y * (stride - w * 3), stride - w * 3);
        }
        return pad;
    }

    private static float[] decoded(float value) {
        float[] chw = new float[3 * SIZE * SIZE];
        Arrays.fill(chw, value);
        return chw;
    }

    /** Decoder output, a little past [0, 1] on both sides as a real decoder's may be. */
    private static float[] noiseDecoded(Random random) {
        float[] chw = new float[3 * SIZE * SIZE];
        for (int i = 0; i < chw.length; i++) {
            chw[i] = random.nextFloat() * 1.2f - 0.1f;
        }
        return chw;
    }

    private static Image frame(int w, int h, int value) {
        byte[] px = new byte[w * h * 3];
        Arrays.fill(px, (byte) value);
        return new Image(w, h, px);
    }

    private static Image noiseFrame(int w, int h, Random random) {
        byte[] px = new byte[w * h * 3];
        random.nextBytes(px);
        return new Image(w, h, px);
    }

    /** A rotated, scaled crop placed anywhere on the frame, partly off it at times. */
    private static Affine randomTransform(Random random, Image frame) {
        double s = 0.2 + random.nextDouble() * 0.8;
        double angle = random.nextDouble() * 2 * Math.PI;
        return Affine.of(s * Math.cos(angle), -s * Math.sin(angle), random.nextDouble() * frame.width() - 100,
                s * Math.sin(angle), s * Math.cos(angle), random.nextDouble() * frame.height() - 100).toFloat32();
    }
}
