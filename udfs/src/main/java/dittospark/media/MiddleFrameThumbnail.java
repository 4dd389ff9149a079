package dittospark.media;

import dittospark.image.FrameBuffer;
import dittospark.image.Image;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * A small JPEG of a video's middle frame (index {@code frames / 2}), for contact sheets. Copied while the
 * frames go to the encoder, so that the finished video need not be decoded again to find it.
 */
public final class MiddleFrameThumbnail {
    /** The longer side of a thumbnail, in pixels. */
    public static final int SIDE = 160;

    private final int middle;
    private Image frame;

    /** For a video of {@code frames} frames. */
    public MiddleFrameThumbnail(int frames) {
        this.middle = frames / 2;
    }

    /** Keeps a copy of frame {@code index} of the video when it is the middle one. */
    public void offer(int index, FrameBuffer buffer) {
        if (index == middle) {
            frame = buffer.toImage();
        }
    }

    /** The middle frame scaled so that its longer side is {@link #SIDE} pixels (a smaller frame keeps its size). */
    public byte[] jpeg() throws IOException {
        if (frame == null) {
            throw new IllegalStateException("frame " + middle + ", the middle one, was never offered");
        }
        BufferedImage full = toBufferedImage(frame);
        double scale = Math.min(1.0, (double) SIDE / Math.max(full.getWidth(), full.getHeight()));
        int w = Math.max(1, (int) Math.round(full.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(full.getHeight() * scale));
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(full, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(small, "jpg", out);
        return out.toByteArray();
    }

    private static BufferedImage toBufferedImage(Image image) {
        BufferedImage out = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        byte[] rgb = image.rgb();
        for (int i = 0; i < rgb.length; i += 3) {
            bgr[i] = rgb[i + 2];
            bgr[i + 1] = rgb[i + 1];
            bgr[i + 2] = rgb[i];
        }
        return out;
    }
}
