package dittospark.engine;

import dittospark.audio.OfflineFeatures;
import dittospark.audio.SpeechEncoder;
import dittospark.motion.Audio2Motion;
import dittospark.motion.ConditionBuilder;
import dittospark.motion.DdimSampler;
import dittospark.motion.MotionSettings;
import dittospark.motion.OnlineMotion;

import java.util.Arrays;

/**
 * The driving motion of every output frame, and the first driving frame ({@code d0}) an online stream
 * fixes for the motion stitch (null offline, where the stitch takes the first row).
 */
record GeneratedMotion(float[][] rows, float[] d0) {

    /** The offline motion: all conditions at once, clips fused over their overlap, smoothed as a whole. */
    static GeneratedMotion offline(DdimSampler sampler, float[] sourceMotion, MotionSettings settings,
                                   float[][] conditions) {
        return new GeneratedMotion(new Audio2Motion(sampler, sourceMotion, settings).offline(conditions), null);
    }

    /**
     * The online motion of a whole recording, fed as one stream, fitted to {@code frames} rows: the stream
     * hands out a few rows more than the audio lasts (its tail is cut), or with a short overlap fewer
     * (the last row is held to the end).
     */
    static GeneratedMotion online(DdimSampler sampler, float[] sourceMotion, MotionSettings settings,
                                  ConditionBuilder conditions, SpeechEncoder encoder, float[][] features,
                                  int frames) {
        OnlineMotion stream = stream(sampler, sourceMotion, settings, conditions, leadIn(encoder, settings));
        float[][] rows = concat(stream.push(features), stream.finish());
        if (rows.length == 0) {
            throw new IllegalArgumentException(stream.noRowsReason(features.length));
        }
        return new GeneratedMotion(fit(rows, frames), stream.d0());
    }

    /** The features of the silence an online stream starts with: those of {@code overlap_v2} frames of zeros. */
    static float[][] leadIn(SpeechEncoder encoder, MotionSettings settings) {
        return new OfflineFeatures(encoder).extract(new float[settings.overlap() * OfflineFeatures.SAMPLES_PER_FRAME]);
    }

    /** A motion stream, before its first features. */
    static OnlineMotion stream(DdimSampler sampler, float[] sourceMotion, MotionSettings settings,
                               ConditionBuilder conditions, float[][] leadIn) {
        return new OnlineMotion(Audio2Motion.online(sampler, sourceMotion, settings), conditions, leadIn);
    }

    static float[][] fit(float[][] rows, int frames) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("the motion stream handed out no rows");
        }
        float[][] out = Arrays.copyOf(rows, frames);
        for (int i = rows.length; i < frames; i++) {
            out[i] = rows[rows.length - 1];
        }
        return out;
    }

    private static float[][] concat(float[][] a, float[][] b) {
        float[][] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
