package dittospark.options;

import com.fasterxml.jackson.databind.JsonNode;
import dittospark.errors.RenderException;

/** The {@code delta_eye_open_n} option: one blink gap (0 random, negative none), or a list of gaps in turn. */
final class BlinkGapsCheck implements ValueCheck {
    private static final IntegerRange ONE = new IntegerRange(-1, 1_000_000);
    private static final IntegerRange IN_TURN = new IntegerRange(1, 1_000_000);

    @Override
    public String accepts() {
        return ONE.accepts() + ", or a non-empty list of integers in [" + IN_TURN.min() + ", " + IN_TURN.max() + "]";
    }

    @Override
    public void check(String what, JsonNode v) throws RenderException {
        if (!v.isArray()) {
            if (!ONE.holds(v)) {
                throw BadOption.of(what, accepts(), v);
            }
            return;
        }
        if (v.isEmpty()) {
            throw BadOption.of(what, accepts(), v);
        }
        for (JsonNode gap : v) {
            IN_TURN.check(what, gap);
        }
    }
}
