package dittospark.engine;

import dittospark.errors.RenderException;
import dittospark.image.Image;
import dittospark.image.ImageOps;
import dittospark.media.AudioDecoder;
import dittospark.media.DecodedAudio;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.imageio.ImageIO;

/**
 * {@code dittospark bench --online}: streaming sessions of the sample speech onto the sample portrait at
 * 512x512 and at its own 1432x1432, the audio pushed in 40 ms pieces either on the clock (as a live
 * speaker would send it) or as fast as the session takes it. Each case tells the seconds from the first
 * piece to the first frame and to the first live segment listed, and the frames per second from the
 * first frame to the last.
 */
final class OnlineBench {
    /** The release's online setting: clips of 80 frames sharing 70, 10 DDIM steps. */
    static final String OPTIONS = "{\"online_mode\": true, \"overlap_v2\": 70, \"sampling_timesteps\": 10}";
    private static final double PIECE_SECONDS = 0.04;
    private static final int SMALL = 512;

    /** How the audio is pushed. */
    enum Feed {
        REAL_TIME("real time"), FAST("as fast");

        final String label;

        Feed(String label) {
            this.label = label;
        }
    }

    /**
     * One case: seconds from the first push to the first frame, to the first listed segment, and to the
     * last frame; seconds of audio; frames; the models' execution provider.
     */
    record Row(String name, Feed feed, int frames, double audioSeconds, double firstFrame, double firstSegment,
               double lastFrame, String provider) {
        /** Frames per second from the first frame to the last. */
        double sustainedFps() {
            return lastFrame > firstFrame ? (frames - 1) / (lastFrame - firstFrame) : 0;
        }

        /** How long after the audio's last sample was due the last frame came, in real time. */
        double endLag() {
            return lastFrame - audioSeconds;
        }
    }

    private OnlineBench() {
    }

    /** Both portraits, both feeds. */
    static List<Row> run(RenderEngine engine, Path portrait, Path speech, Path out) throws Exception {
        Path small = resized(portrait, SMALL, out.resolve("portrait_512.png"));
        DecodedAudio audio = AudioDecoder.decode(speech);
        List<Row> rows = new ArrayList<>();
        for (Feed feed : Feed.values()) {
            rows.add(run(engine, "portrait 512x512", small, audio, feed, out));
            rows.add(run(engine, "portrait 1432x1432", portrait, audio, feed, out));
        }
        return rows;
    }

    private static Row run(RenderEngine engine, String name, Path source, DecodedAudio audio, Feed feed, Path out)
            throws Exception {
        System.err.println("bench: streaming " + name + " " + feed.label + " ...");
        String file = (name + " " + feed.label).replaceAll("[^A-Za-z0-9]+", "_");
        long[] firstFrame = {0};
        long[] lastFrame = {0};
        long[] firstSegment = {0};
        RenderProgress progress = new RenderProgress() {
            @Override
            public void framesWritten(int done, int total) {
            }

            @Override
            public void segmentWritten(int index, double endSeconds) {
                if (index == 0) {
                    firstSegment[0] = System.nanoTime();
                }
            }
        };
        FrameSink sink = (i, frame) -> {
            long now = System.nanoTime();
            if (i == 0) {
                firstFrame[0] = now;
            }
            lastFrame[0] = now;
        };
        SessionRequest request = SessionRequest.builder().source(source).output(out.resolve(file + ".mp4"))
                .live(out.resolve(file + "_live")).sink(sink).options(RenderOptions.parse(OPTIONS)).seed(0).build();
        RenderResult result;
        long start;
        try (RenderSession session = engine.openSession(request, progress)) {
            float[] all = audio.interleaved();
            int piece = (int) Math.round(PIECE_SECONDS * audio.sampleRate()) * audio.channels();
            start = System.nanoTime();
            for (int at = 0, k = 0; at < all.length; at += piece, k++) {
                if (feed == Feed.REAL_TIME) {
                    long due = start + Math.round(k * PIECE_SECONDS * 1e9);
                    LockSupport.parkNanos(due - System.nanoTime());
                }
                session.push(Arrays.copyOfRange(all, at, Math.min(all.length, at + piece)), audio.sampleRate(),
                        audio.channels());
            }
            result = session.finish();
        }
        return new Row(name, feed, result.frames(), audio.seconds(), seconds(start, firstFrame[0]),
                seconds(start, firstSegment[0]), seconds(start, lastFrame[0]), result.provider());
    }

    private static double seconds(long from, long to) {
        return to == 0 ? Double.NaN : (to - from) / (double) TimeUnit.SECONDS.toNanos(1);
    }

    static String table(List<Row> rows) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%-20s %-9s %6s %7s %11s %13s %9s %9s%n", "case (online)", "feed", "frames", "audio s",
                "first frame", "first segment", "sust. fps", "end lag"));
        for (Row r : rows) {
            b.append(String.format("%-20s %-9s %6d %7.2f %11.3f %13.3f %9.2f %9.3f%n", r.name(), r.feed().label,
                    r.frames(), r.audioSeconds(), r.firstFrame(), r.firstSegment(), r.sustainedFps(), r.endLag()));
        }
        b.append("provider: ").append(rows.isEmpty() ? "-" : rows.get(0).provider()).append("; options ").append(OPTIONS).append('\n')
                .append("seconds from the first 40 ms piece of audio pushed: first frame = the first frame encoded,"
                        + " first segment = the first live segment listed;\n"
                        + "sust. fps = frames per second from the first frame to the last; end lag = seconds from"
                        + " the end of the audio (in real time) to the last frame\n");
        return b.toString();
    }

    /** The portrait scaled to {@code side} x {@code side}, as a PNG source. */
    private static Path resized(Path portrait, int side, Path target) throws IOException, RenderException {
        Image image = ImageOps.resize(ImageOps.read(portrait), side, side);
        BufferedImage picture = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        byte[] rgb = image.rgb();
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int p = (y * side + x) * 3;
                picture.setRGB(x, y, (rgb[p] & 0xFF) << 16 | (rgb[p + 1] & 0xFF) << 8 | (rgb[p + 2] & 0xFF));
            }
        }
        ImageIO.write(picture, "png", target.toFile());
        return target;
    }
}
