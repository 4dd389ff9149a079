package dittospark.media;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;

/** A small JPEG of a video's middle frame, for contact sheets. */
public final class MiddleFrameThumbnail {
    private MiddleFrameThumbnail() {
    }

    /** The middle frame of {@code video}, scaled so that its longer side is {@code maxSide} pixels. */
    public static byte[] jpeg(Path video, int maxSide) throws IOException {
        BufferedImage frame = middleFrame(video);
        double scale = Math.min(1.0, (double) maxSide / Math.max(frame.getWidth(), frame.getHeight()));
        int w = Math.max(1, (int) Math.round(frame.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(frame.getHeight() * scale));
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(frame, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(small, "jpg", out);
        return out.toByteArray();
    }

    private static BufferedImage middleFrame(Path video) throws IOException {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile());
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            grabber.start();
            int frames = grabber.getLengthInVideoFrames();
            if (frames > 1) {
                grabber.setVideoFrameNumber(frames / 2);
            }
            Frame frame = grabber.grabImage();
            if (frame == null) {
                throw new IOException(video + " has no video frame");
            }
            // the converter reuses its buffer; copy before the grabber closes
            BufferedImage image = converter.convert(frame);
            BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            copy.getGraphics().drawImage(image, 0, 0, null);
            return copy;
        } catch (FFmpegFrameGrabber.Exception e) {
            throw new IOException("cannot read " + video + ": " + e.getMessage(), e);
        }
    }
}
