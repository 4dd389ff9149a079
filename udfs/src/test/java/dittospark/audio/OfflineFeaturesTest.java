package dittospark.audio;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OfflineFeaturesTest {
    @Test
    void frameCountRoundsUpToWholeFrames() {
        assertThat(OfflineFeatures.frameCount(16000)).as("one second").isEqualTo(25);
        assertThat(OfflineFeatures.frameCount(641)).as("just over one frame").isEqualTo(2);
    }

    @Test
    void chunksStartEveryFiveFramesWithTheirContext() {
        List<float[]> chunks = new ArrayList<>();
        float[] audio = new float[6400];
        for (int i = 0; i < audio.length; i++) {
            audio[i] = i + 1;
        }
        SpeechEncoder encoder = chunk -> {
            chunks.add(chunk);
            return new float[(chunk.length - 400) / 320 + 1][1];
        };

        new OfflineFeatures(encoder).extract(audio);

        assertThat(chunks).as("chunks for 10 frames").hasSize(2);
        assertThat(chunks.get(0)).as("chunk length").hasSize(OfflineFeatures.CHUNK);
        assertThat(chunks.get(0)[1999]).as("last sample of the front padding").isEqualTo(0f);
        assertThat(chunks.get(0)[2000]).as("first audio sample").isEqualTo(1f);
        assertThat(chunks.get(1)[0]).as("second chunk starts 5 frames later").isEqualTo(3200 - 2000 + 1);
    }

    @Test
    void keepsTheCurrentFramesAndAveragesPairs() {
        SpeechEncoder encoder = chunk -> {
            float[][] out = new float[20][1];
            for (int t = 0; t < out.length; t++) {
                out[t][0] = t;
            }
            return out;
        };

        float[][] features = new OfflineFeatures(encoder).extract(new float[3200]);

        float[] first = new float[features.length];
        for (int i = 0; i < first.length; i++) {
            first[i] = features[i][0];
        }
        assertThat(first).as("frames 6..15 averaged in pairs").containsExactly(6.5f, 8.5f, 10.5f, 12.5f, 14.5f);
    }

    @Test
    void rejectsAnEncoderWithTooFewFrames() {
        assertThatThrownBy(() -> new OfflineFeatures(chunk -> new float[5][1]).extract(new float[100]))
                .as("5 encoder frames").isInstanceOf(IllegalArgumentException.class);
    }
}
