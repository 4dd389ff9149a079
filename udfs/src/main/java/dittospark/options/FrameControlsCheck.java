package dittospark.options;

import com.fasterxml.jackson.databind.JsonNode;
import dittospark.errors.RenderException;

import java.util.Iterator;
import java.util.Map;

/** The {@code ctrl} option: frame numbers to that frame's controls, or a list of controls, one per frame. */
final class FrameControlsCheck implements ValueCheck {
    private static final ControlsCheck CONTROLS = new ControlsCheck();

    @Override
    public String accepts() {
        return "an object of frame numbers to controls, or a list of controls from frame 0 on (" + ControlsCheck.ranges()
                + ")";
    }

    @Override
    public void check(String what, JsonNode v) throws RenderException {
        if (v.isArray()) {
            for (int i = 0; i < v.size(); i++) {
                frame(what, Integer.toString(i), v.get(i));
            }
            return;
        }
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
            frame(what, frame.getKey(), frame.getValue());
        }
    }

    private static void frame(String what, String frame, JsonNode controls) throws RenderException {
        if (!controls.isObject()) {
            throw BadOption.because("option '" + what + "' frame " + frame + " must be an object of controls");
        }
        CONTROLS.check(what, "[" + frame + "]", controls);
    }

    private static boolean isFrameNumber(String key) {
        try {
            return Integer.parseInt(key) >= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
