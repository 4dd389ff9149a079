package dittospark.audio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Audio features at 25 fps while the speech is still arriving, computed the way the reference's online
 * path does: the stream starts with 3 frames of silence, and every 5 frames a 6480-sample window (3
 * frames of past context, 5 current, 2 of future) yields the features of its current frames as soon as
 * its last sample is in. At the end of the stream the windows that started before it are completed
 * with silence. The features do not depend on how the stream is cut into pieces.
 *
 * <p>Not thread-safe: one instance per stream, fed from one thread.
 */
public final class OnlineFeatures {
    private static final int LEAD_IN = EncoderWindow.PAST * EncoderWindow.SAMPLES_PER_FRAME;
    private static final int HOP = EncoderWindow.CURRENT * EncoderWindow.SAMPLES_PER_FRAME;
    private static final float[][] NONE = new float[0][];

    private final SpeechEncoder encoder;
    /** Samples from the start of the next window on, in buffer[start, end). */
    private float[] buffer = new float[2 * EncoderWindow.SAMPLES];
    private int start;
    private int end = LEAD_IN;
    private boolean finished;

    public OnlineFeatures(SpeechEncoder encoder) {
        this.encoder = encoder;
    }

    /** Features a whole stream of this many samples yields: 5 for each window, 5 * ceil((samples + 1920) / 3200). */
    public static int frameCount(long samples) {
        return (int) ((samples + LEAD_IN + HOP - 1) / HOP) * EncoderWindow.CURRENT;
    }

    /** {@link #push(float[], int, int)} of all of {@code samples}. */
    public float[][] push(float[] samples) {
        return push(samples, 0, samples.length);
    }

    /**
     * Adds 16 kHz mono samples to the stream.
     *
     * @return the features of the windows these samples completed [5 per window][D]; often none
     */
    public float[][] push(float[] samples, int from, int length) {
        if (finished) {
            throw new IllegalStateException("the audio stream has ended");
        }
        List<float[]> out = new ArrayList<>();
        int at = from;
        int left = length;
        while (left > 0) {
            int n = Math.min(left, room());
            System.arraycopy(samples, at, buffer, end, n);
            end += n;
            at += n;
            left -= n;
            while (end - start >= EncoderWindow.SAMPLES) {
                window(Arrays.copyOfRange(buffer, start, start + EncoderWindow.SAMPLES), out);
            }
        }
        return out.toArray(NONE);
    }

    /**
     * Ends the stream.
     *
     * @return the features of the windows still open, each completed with silence
     */
    public float[][] finish() {
        if (finished) {
            throw new IllegalStateException("the audio stream has ended");
        }
        finished = true;
        List<float[]> out = new ArrayList<>();
        while (end > start) {
            float[] last = new float[EncoderWindow.SAMPLES];
            System.arraycopy(buffer, start, last, 0, end - start);
            window(last, out);
        }
        return out.toArray(NONE);
    }

    private void window(float[] samples, List<float[]> out) {
        out.addAll(Arrays.asList(EncoderWindow.features(encoder, samples)));
        start += HOP;
    }

    /** Free room at the end of the buffer, moving the unread samples to its front when it is full. */
    private int room() {
        if (end == buffer.length) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        return buffer.length - end;
    }
}
