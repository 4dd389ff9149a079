package dittospark.options;

import com.fasterxml.jackson.databind.JsonNode;
import dittospark.errors.RenderException;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The {@code ctrl} option: frame numbers to that frame's controls, each a number in its range. */
final class FrameControlsCheck implements ValueCheck {
    /** Head rotation offsets are degrees; a turn past half a revolution is a typo, not an intent. */
    private static final NumberRange DEGREES = new NumberRange(-180, 180);
    /** The pose multipliers and the expression offset: far past any useful motion, yet finite. */
    private static final NumberRange FACTOR = new NumberRange(-10, 10);
    private static final NumberRange SHARE = new NumberRange(0, 1);
    private static final Map<String, NumberRange> CONTROLS = controls();

    private static Map<String, NumberRange> controls() {
        Map<String, NumberRange> c = new LinkedHashMap<>();
        c.put("delta_pitch", DEGREES);
        c.put("delta_yaw", DEGREES);
        c.put("delta_roll", DEGREES);
        c.put("alpha_pitch", FACTOR);
        c.put("alpha_yaw", FACTOR);
        c.put("alpha_roll", FACTOR);
        c.put("delta_exp", FACTOR);
        c.put("fade_alpha", SHARE);
        c.put("vad_alpha", SHARE);
        return c;
    }

    @Override
    public String accepts() {
        return "an object of frame numbers to controls (" + CONTROLS.entrySet().stream()
                .map(c -> c.getKey() + " in " + c.getValue().range()).collect(Collectors.joining(", ")) + ")";
    }

    @Override
    public void check(String what, JsonNode v) throws RenderException {
        if (!v.isObject()) {
            throw BadOption.of(what, accepts(), v);
        }
        Iterator<Map.Entry<String, JsonNode>> frames = v.fields();
        while (frames.hasNext()) {
            Map.Entry<String, JsonNode> frame = frames.next();
            if (!isFrameNumber(frame.getKey())) {
                throw BadOption.because("option '" + what + "' key '" + BadOption.oneLine(frame.getKey())
                        + "' is not a frame number");
            }
            if (!frame.getValue().isObject()) {
                throw BadOption.because("option '" + what + "' frame " + frame.getKey()
                        + " must be an object of controls");
            }
            Iterator<Map.Entry<String, JsonNode>> controls = frame.getValue().fields();
            while (controls.hasNext()) {
                Map.Entry<String, JsonNode> control = controls.next();
                NumberRange range = CONTROLS.get(control.getKey());
                if (range == null) {
                    throw BadOption.because("option '" + what + "' has unknown control '"
                            + BadOption.oneLine(control.getKey()) + "' at frame " + frame.getKey()
                            + "; known: " + String.join(", ", CONTROLS.keySet()));
                }
                range.check(what + "[" + frame.getKey() + "]." + control.getKey(), control.getValue());
            }
        }
    }

    private static boolean isFrameNumber(String key) {
        try {
            return Integer.parseInt(key) >= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
