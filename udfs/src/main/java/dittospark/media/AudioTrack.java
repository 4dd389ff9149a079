package dittospark.media;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * The audio a video is muxed with, as it arrives: interleaved samples at one rate and channel count,
 * appended by one thread and read by the encoder's. Complete once its producer says no more will come;
 * until then the encoder takes only what is there, after that it pads with silence.
 */
public final class AudioTrack {
    private final int sampleRate;
    private final int channels;
    private float[] samples;
    private int length;
    private boolean complete;

    /** An empty track that grows with {@link #append}. */
    public AudioTrack(int sampleRate, int channels) {
        this(sampleRate, channels, new float[sampleRate * channels], 0, false);
    }

    private AudioTrack(int sampleRate, int channels, float[] samples, int length, boolean complete) {
        if (sampleRate <= 0 || channels <= 0) {
            throw new IllegalArgumentException("sample rate and channels must be positive, got " + sampleRate
                    + " Hz, " + channels + " channels");
        }
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.samples = samples;
        this.length = length;
        this.complete = complete;
    }

    /** The whole of {@code audio}, complete; its samples are read in place. */
    public static AudioTrack of(DecodedAudio audio) {
        return new AudioTrack(audio.sampleRate(), audio.channels(), audio.interleaved(), audio.interleaved().length,
                true);
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int channels() {
        return channels;
    }

    /** Appends {@code count} interleaved samples (whole sample frames) from {@code from}. */
    public synchronized void append(float[] interleaved, int from, int count) {
        if (complete) {
            throw new IllegalStateException("the audio track is complete");
        }
        if (count % channels != 0) {
            throw new IllegalArgumentException(count + " samples do not split into " + channels + " channels");
        }
        if (length + count > samples.length) {
            samples = Arrays.copyOf(samples, Math.max(length + count, 2 * samples.length));
        }
        System.arraycopy(interleaved, from, samples, length, count);
        length += count;
    }

    /** No more samples will come. */
    public synchronized void complete() {
        complete = true;
    }

    synchronized boolean isComplete() {
        return complete;
    }

    /** Sample frames so far. */
    public synchronized long frames() {
        return length / channels;
    }

    /** Puts {@code count} sample frames from sample frame {@code from} (all present) into {@code into}. */
    synchronized void copy(long from, int count, FloatBuffer into) {
        into.put(samples, Math.toIntExact(from * channels), count * channels);
    }
}
