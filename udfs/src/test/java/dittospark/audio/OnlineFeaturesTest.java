package dittospark.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OnlineFeaturesTest {
    private static final int WINDOW = OfflineFeatures.CHUNK;
    private static final int FIRST_WINDOW_AUDIO = WINDOW - 1920;

    /** An encoder whose frames are the sums of their 400-sample windows, in two channels. */
    private static final SpeechEncoder SUMS = chunk -> {
        float[][] out = new float[(chunk.length - 400) / 320 + 1][2];
        for (int t = 0; t < out.length; t++) {
            for (int i = 0; i < 400; i++) {
                out[t][0] += chunk[t * 320 + i];
                out[t][1] += chunk[t * 320 + i] * (i + 1);
            }
        }
        return out;
    };

    private static float[] ramp(int n) {
        float[] audio = new float[n];
        for (int i = 0; i < n; i++) {
            audio[i] = i + 1;
        }
        return audio;
    }

    private static SpeechEncoder recording(List<float[]> windows) {
        return chunk -> {
            windows.add(chunk.clone());
            return new float[(chunk.length - 400) / 320 + 1][1];
        };
    }

    @Test
    void frameCountIsFiveForEachWindowStarted() {
        assertThat(OnlineFeatures.frameCount(0)).as("no samples: the silent lead-in's window").isEqualTo(5);
        assertThat(OnlineFeatures.frameCount(1280)).as("1920 + 1280 = one step").isEqualTo(5);
        assertThat(OnlineFeatures.frameCount(1281)).as("one sample into the second window").isEqualTo(10);
        assertThat(OnlineFeatures.frameCount(16000)).as("one second").isEqualTo(30);
    }

    @Test
    void theFirstWindowStartsWithThreeFramesOfSilence() {
        List<float[]> windows = new ArrayList<>();

        new OnlineFeatures(recording(windows)).push(ramp(FIRST_WINDOW_AUDIO));

        assertThat(windows).as("windows encoded").hasSize(1);
        assertThat(windows.get(0)).as("window length").hasSize(WINDOW);
        assertThat(windows.get(0)[1919]).as("last sample of the silence").isEqualTo(0f);
        assertThat(windows.get(0)[1920]).as("first audio sample").isEqualTo(1f);
    }

    @Test
    void windowsStartEveryFiveFrames() {
        List<float[]> windows = new ArrayList<>();

        new OnlineFeatures(recording(windows)).push(ramp(FIRST_WINDOW_AUDIO + 3200));

        assertThat(windows).as("windows encoded").hasSize(2);
        assertThat(windows.get(1)[0]).as("second window's first sample").isEqualTo(3200 - 1920 + 1);
    }

    @Test
    void aWindowIsEncodedWhenItsLastSampleArrives() {
        OnlineFeatures online = new OnlineFeatures(SUMS);

        float[][] before = online.push(ramp(FIRST_WINDOW_AUDIO - 1));
        float[][] after = online.push(new float[1]);

        assertThat(before).as("features one sample short of the window").isEmpty();
        assertThat(after).as("features once the window is complete").hasNumberOfRows(5);
    }

    @Test
    void finishCompletesTheOpenWindowsWithSilence() {
        List<float[]> windows = new ArrayList<>();
        OnlineFeatures online = new OnlineFeatures(recording(windows));
        online.push(ramp(1300));

        float[][] rest = online.finish();

        assertThat(rest).as("features of the two windows started").hasNumberOfRows(10);
        assertThat(windows.get(1)[0]).as("second window: audio sample 1281").isEqualTo(1281f);
        assertThat(windows.get(1)[20]).as("second window past the end of the audio").isEqualTo(0f);
    }

    @ParameterizedTest(name = "pieces of {0} samples")
    @ValueSource(ints = {1, 100, 3200, 7000, 23999})
    void featuresDoNotDependOnHowTheStreamIsCut(int piece) {
        float[] audio = new float[23999];
        for (int i = 0; i < audio.length; i++) {
            audio[i] = (float) Math.sin(i * 0.01) * (i % 7);
        }
        float[][] whole = all(new OnlineFeatures(SUMS), audio, audio.length);

        float[][] cut = all(new OnlineFeatures(SUMS), audio, piece);

        assertThat(cut).as("features of the stream in pieces").isDeepEqualTo(whole);
        assertThat(whole).as("features in all").hasNumberOfRows(OnlineFeatures.frameCount(audio.length));
    }

    @Test
    void pushAfterFinishIsRejected() {
        OnlineFeatures online = new OnlineFeatures(SUMS);
        online.finish();

        assertThatThrownBy(() -> online.push(new float[1])).as("push after finish").isInstanceOf(IllegalStateException.class);
    }

    private static float[][] all(OnlineFeatures online, float[] audio, int piece) {
        List<float[]> out = new ArrayList<>();
        for (int from = 0; from < audio.length; from += piece) {
            out.addAll(Arrays.asList(online.push(audio, from, Math.min(piece, audio.length - from))));
        }
        out.addAll(Arrays.asList(online.finish()));
        return out.toArray(float[][]::new);
    }
}
