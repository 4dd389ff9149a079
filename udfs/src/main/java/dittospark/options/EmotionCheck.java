package dittospark.options;

import com.fasterxml.jackson.databind.JsonNode;
import dittospark.errors.RenderException;

import java.util.function.Predicate;

/**
 * The {@code emo} option, read as the reference reads it: a label; a flat list of fewer than 8 labels;
 * an [m, 8] array, whose rows are weights even when they are whole numbers; or any other list of lists,
 * whose rows are each a frame's labels.
 */
final class EmotionCheck implements ValueCheck {
    private static final IntegerRange LABEL = new IntegerRange(0, 7);
    /** Bound of one emotion weight (the model was trained on one-hot rows). */
    private static final NumberRange WEIGHT = new NumberRange(0, 10);
    private static final int LABELS = 8;

    @Override
    public String accepts() {
        return "a label 0..7, a list of 1 to " + (LABELS - 1) + " labels, a list of label lists, or rows of "
                + LABELS + " weights in " + WEIGHT.range();
    }

    @Override
    public void check(String what, JsonNode v) throws RenderException {
        if (v.isIntegralNumber()) {
            LABEL.check(what, v);
            return;
        }
        if (!v.isArray() || v.isEmpty()) {
            throw BadOption.of(what, accepts(), v);
        }
        if (all(v, JsonNode::isIntegralNumber)) {
            if (v.size() >= LABELS) {
                throw BadOption.because("option '" + what + "' lists " + v.size() + " labels; a flat list holds 1 to "
                        + (LABELS - 1) + " (for a mix of all 8, give a row of 8 weights: [[...]])");
            }
            for (JsonNode label : v) {
                LABEL.check(what, label);
            }
            return;
        }
        if (!all(v, JsonNode::isArray)) {
            throw BadOption.because("option '" + what + "' mixes labels and lists: " + v);
        }
        if (all(v, row -> row.size() == LABELS && all(row, JsonNode::isNumber))) {
            for (JsonNode row : v) {
                for (JsonNode weight : row) {
                    WEIGHT.check(what, weight);
                }
            }
            return;
        }
        for (JsonNode frame : v) {
            if (frame.isEmpty() || !all(frame, JsonNode::isIntegralNumber)) {
                throw BadOption.because("option '" + what + "' has a row that is neither a frame's labels nor "
                        + LABELS + " weights: " + frame);
            }
            for (JsonNode label : frame) {
                LABEL.check(what, label);
            }
        }
    }

    private static boolean all(JsonNode array, Predicate<JsonNode> test) {
        for (JsonNode x : array) {
            if (!test.test(x)) {
                return false;
            }
        }
        return true;
    }
}
