package dittospark.options;

import com.fasterxml.jackson.databind.JsonNode;
import dittospark.errors.RenderException;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One frame's controls (the reference's {@code ctrl_kwargs}): each a number in its range, {@code delta_exp}
 * also one offset per expression value, {@code fade_out_keys} the motion keys a fade blends.
 */
final class ControlsCheck implements ValueCheck {
    /** Head rotation offsets are degrees; a turn past half a revolution is a typo, not an intent. */
    private static final NumberRange DEGREES = new NumberRange(-180, 180);
    /** The pose multipliers and the expression offset: far past any useful motion, yet finite. */
    private static final NumberRange FACTOR = new NumberRange(-10, 10);
    private static final NumberRange SHARE = new NumberRange(0, 1);
    private static final int EXPRESSION_VALUES = 63;
    private static final String DELTA_EXP = "delta_exp";
    private static final String FADE_OUT_KEYS = "fade_out_keys";
    private static final Map<String, NumberRange> NUMBERS = numbers();
    private static final MotionKeysCheck KEYS = new MotionKeysCheck(false, false);

    private static Map<String, NumberRange> numbers() {
        Map<String, NumberRange> c = new LinkedHashMap<>();
        c.put("delta_pitch", DEGREES);
        c.put("delta_yaw", DEGREES);
        c.put("delta_roll", DEGREES);
        c.put("alpha_pitch", FACTOR);
        c.put("alpha_yaw", FACTOR);
        c.put("alpha_roll", FACTOR);
        c.put(DELTA_EXP, FACTOR);
        c.put("fade_alpha", SHARE);
        c.put("vad_alpha", SHARE);
        return c;
    }

    @Override
    public String accepts() {
        return "an object of controls (" + ranges() + ")";
    }

    /** Each control with what it accepts. */
    static String ranges() {
        return NUMBERS.entrySet().stream().map(c -> c.getKey() + " in " + c.getValue().range())
                .collect(Collectors.joining(", ")) + ", or delta_exp as " + EXPRESSION_VALUES + " such offsets; "
                + FADE_OUT_KEYS + " " + KEYS.accepts();
    }

    /** The known controls, in the order messages list them. */
    private static String known() {
        return String.join(", ", NUMBERS.keySet()) + ", " + FADE_OUT_KEYS;
    }

    @Override
    public void check(String what, JsonNode v) throws RenderException {
        if (!v.isObject()) {
            throw BadOption.of(what, accepts(), v);
        }
        check(what, "", v);
    }

    /** Checks the controls of {@code v}; {@code where} says which frame they belong to, if any. */
    void check(String what, String where, JsonNode v) throws RenderException {
        Iterator<Map.Entry<String, JsonNode>> controls = v.fields();
        while (controls.hasNext()) {
            Map.Entry<String, JsonNode> control = controls.next();
            String name = control.getKey();
            String part = what + where + "." + name;
            if (name.equals(FADE_OUT_KEYS)) {
                KEYS.check(part, control.getValue());
            } else if (name.equals(DELTA_EXP) && control.getValue().isArray()) {
                checkOffsets(part, control.getValue());
            } else if (NUMBERS.containsKey(name)) {
                NUMBERS.get(name).check(part, control.getValue());
            } else {
                throw BadOption.because("option '" + what + "' has unknown control '" + BadOption.oneLine(name) + "'"
                        + (where.isEmpty() ? "" : " at frame " + where.substring(1, where.length() - 1))
                        + "; known: " + known());
            }
        }
    }

    private static void checkOffsets(String what, JsonNode offsets) throws RenderException {
        if (offsets.size() != EXPRESSION_VALUES) {
            throw BadOption.because("option '" + what + "' must be a number in " + FACTOR.range() + " or "
                    + EXPRESSION_VALUES + " of them, got a list of " + offsets.size());
        }
        for (int i = 0; i < offsets.size(); i++) {
            FACTOR.check(what + "[" + i + "]", offsets.get(i));
        }
    }
}
