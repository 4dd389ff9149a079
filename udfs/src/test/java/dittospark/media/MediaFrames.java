package dittospark.media;

import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Pixels and samples of our outputs as an independent decoder (the ffmpeg command) sees them, and
 * the statistics the tests compare: per-frame loudness and the change of the most active region.
 */
public final class MediaFrames {
    private MediaFrames() {
    }

    /** Every frame as grey levels, scaled to {@code width} pixels wide (height keeps the aspect, even). */
    public static float[][] grey(Path video, int width) throws IOException {
        var stream = FfmpegCli.stream(FfmpegCli.probe(video), "video");
        int height = (int) Math.round(stream.path("height").asDouble() * width / stream.path("width").asDouble() / 2) * 2;
        byte[] raw = run(List.of("ffmpeg", "-nostdin", "-v", "error", "-i", video.toString(), "-vf",
                "scale=" + width + ":" + height, "-f", "rawvideo", "-pix_fmt", "gray", "-"));
        int size = width * height;
        float[][] frames = new float[raw.length / size][size];
        for (int f = 0; f < frames.length; f++) {
            for (int i = 0; i < size; i++) {
                frames[f][i] = Byte.toUnsignedInt(raw[f * size + i]);
            }
        }
        return frames;
    }

    /** Decoded frames of a video in full resolution, RGB bytes per frame: equal files give equal arrays. */
    public static List<byte[]> rgb(Path video) throws IOException {
        var stream = FfmpegCli.stream(FfmpegCli.probe(video), "video");
        int size = stream.path("width").asInt() * stream.path("height").asInt() * 3;
        byte[] raw = run(List.of("ffmpeg", "-nostdin", "-v", "error", "-i", video.toString(), "-f", "rawvideo",
                "-pix_fmt", "rgb24", "-"));
        List<byte[]> frames = new ArrayList<>();
        for (int off = 0; off + size <= raw.length; off += size) {
            frames.add(java.util.Arrays.copyOfRange(raw, off, off + size));
        }
        return frames;
    }

    /** RMS of the file's audio (mono, 16 kHz) over each 40 ms video frame. */
    public static double[] loudnessPerFrame(Path media, int frames) throws IOException {
        byte[] raw = run(List.of("ffmpeg", "-nostdin", "-v", "error", "-i", media.toString(), "-vn", "-ac", "1",
                "-ar", "16000", "-f", "s16le", "-"));
        ByteBuffer pcm = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        int samples = raw.length / 2;
        double[] rms = new double[frames];
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int i = f * 640; i < (f + 1) * 640; i++) {
                double s = i < samples ? pcm.getShort(i * 2) / 32768.0 : 0;
                sum += s * s;
            }
            rms[f] = Math.sqrt(sum / 640);
        }
        return rms;
    }

    /**
     * Per frame, the mean absolute change from the rest frame over the 1% of pixels that vary most:
     * in a talking-head render of a still portrait, that region is the mouth, and the rest frame is
     * the one where the speech is quietest.
     */
    public static double[] busiestRegionChange(float[][] frames, int restFrame) {
        int n = frames.length;
        int size = frames[0].length;
        float[] rest = frames[restFrame];
        double[] spread = new double[size];
        for (int i = 0; i < size; i++) {
            double mean = 0;
            double sq = 0;
            for (float[] frame : frames) {
                double d = Math.abs(frame[i] - rest[i]);
                mean += d;
                sq += d * d;
            }
            mean /= n;
            spread[i] = Math.sqrt(Math.max(0, sq / n - mean * mean));
        }
        double[] sorted = spread.clone();
        java.util.Arrays.sort(sorted);
        double cut = sorted[(int) (size * 0.99)];
        double[] out = new double[n];
        for (int f = 0; f < n; f++) {
            double sum = 0;
            int count = 0;
            for (int i = 0; i < size; i++) {
                if (spread[i] >= cut) {
                    sum += Math.abs(frames[f][i] - rest[i]);
                    count++;
                }
            }
            out[f] = sum / Math.max(count, 1);
        }
        return out;
    }

    /** Index of the smallest value. */
    public static int quietest(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] < values[best]) {
                best = i;
            }
        }
        return best;
    }

    public static double correlation(double[] a, double[] b) {
        int n = Math.min(a.length, b.length);
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb + 1e-30);
    }

    /** Duration of a PCM wave file from its header. */
    public static double audioSeconds(Path wav) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            return in.getFrameLength() / (double) in.getFormat().getFrameRate();
        }
    }

    private static byte[] run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return out;
    }
}
