package dittospark.motion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmotionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void labelRowPeaksAtTheLabelAndSumsToOne() {
        float[] row = Emotion.labels(3).at(0);

        assertThat(row).as("row length").hasSize(Emotion.LABELS);
        assertThat(row[3]).as("weight of the label").isGreaterThan(0.99f);
        double sum = 0;
        for (float v : row) {
            sum += v;
        }
        assertThat(sum).as("sum of weights").isCloseTo(1.0, Offset.offset(1e-6));
    }

    @Test
    void framesCycleThroughRowsAndLeadInUsesTheFirst() throws Exception {
        Emotion e = Emotion.fromJson(json("[[0], [1], [2]]"));

        assertThat(e.at(4)).as("frame 4 of 3 rows").containsExactly(Emotion.labels(1).at(0));
        assertThat(e.at(-5)).as("lead-in frame").containsExactly(Emotion.labels(0).at(0));
    }

    @Test
    void jsonLabelAndLabelListMakeOneRow() throws Exception {
        assertThat(Emotion.fromJson(json("6")).at(9)).as("label 6").containsExactly(Emotion.labels(6).at(0));
        Emotion list = Emotion.fromJson(json("[3, 4]"));
        assertThat(list.size()).as("rows of [3, 4]").isEqualTo(1);
        assertThat(list.at(0)).as("row of [3, 4]").containsExactly(Emotion.labels(3, 4).at(0));
    }

    @Test
    void rowsOfEightNumbersAreWeightsEvenWhenWhole() throws Exception {
        Emotion e = Emotion.fromJson(json("[[0, 0, 0, 1, 0, 0, 0, 0], [0.5, 0.5, 0, 0, 0, 0, 0, 0]]"));

        assertThat(e.at(0)).as("a whole-number row used as weights").containsExactly(0f, 0f, 0f, 1f, 0f, 0f, 0f, 0f);
        assertThat(e.at(1)).as("a fractional row used as weights").containsExactly(0.5f, 0.5f, 0f, 0f, 0f, 0f, 0f, 0f);
    }

    @Test
    void listsOfOtherLengthsAreEachAFramesLabels() throws Exception {
        Emotion e = Emotion.fromJson(json("[[4], [3, 4]]"));

        assertThat(e.at(0)).as("labels of frame 0").containsExactly(Emotion.labels(4).at(0));
        assertThat(e.at(1)).as("labels of frame 1").containsExactly(Emotion.labels(3, 4).at(0));
    }

    @Test
    void aFlatListOfEightLabelsIsRefused() {
        assertThatThrownBy(() -> Emotion.fromJson(json("[0, 1, 2, 3, 4, 5, 6, 7]"))).as("8 labels in a flat list")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsUnknownLabelsAndShortRows() {
        assertThatThrownBy(() -> Emotion.fromJson(json("8"))).as("label 8").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Emotion.fromJson(json("[[0.5, 0.5]]"))).as("row of 2 weights")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Emotion.fromJson(json("\"happy\""))).as("a name").isInstanceOf(IllegalArgumentException.class);
    }
}
