package dittospark.options;

import com.fasterxml.jackson.databind.JsonNode;
import dittospark.errors.RenderException;

/** The {@code emo} option: a label, a list of labels, per-frame label lists, or rows of 8 weights. */
final class EmotionCheck implements ValueCheck {
    private static final IntegerRange LABEL = new IntegerRange(0, 7);
    /** Bound of one emotion weight (the model was trained on one-hot rows). */
    private static final NumberRange WEIGHT = new NumberRange(0, 10);
    private static final int LABELS = 8;

    @Override
    public String accepts() {
        return "a label 0..7, a list of labels, a list of label lists, or rows of " + LABELS + " weights in "
                + WEIGHT.range();
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
        for (JsonNode item : v) {
            if (item.isIntegralNumber()) {
                LABEL.check(what, item);
            } else if (item.isArray() && !item.isEmpty() && all(item, JsonNode::isIntegralNumber)) {
                // an all-integer list is a frame's labels; a row of weights needs a fractional value
                for (JsonNode label : item) {
                    LABEL.check(what, label);
                }
            } else if (item.isArray() && item.size() == LABELS && all(item, JsonNode::isNumber)) {
                for (JsonNode weight : item) {
                    WEIGHT.check(what, weight);
                }
            } else {
                throw BadOption.because("option '" + what + "' has an entry that is neither a label, a label list"
                        + " nor a row of " + LABELS + " numbers: " + item);
            }
        }
    }

    private static boolean all(JsonNode array, java.util.function.Predicate<JsonNode> test) {
        for (JsonNode x : array) {
            if (!test.test(x)) {
                return false;
            }
        }
        return true;
    }
}
