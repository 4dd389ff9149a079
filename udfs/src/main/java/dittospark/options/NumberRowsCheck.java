package dittospark.options;

import com.fasterxml.jackson.databind.JsonNode;
import dittospark.errors.RenderException;

/** Rows of {@code width} numbers in a range, {@code minRows} to {@code maxRows} of them, or null. */
record NumberRowsCheck(int minRows, int maxRows, int width, NumberRange range, String rows) implements ValueCheck {
    @Override
    public String accepts() {
        return rows + " of " + width + " numbers in " + range.range() + ", or null";
    }

    @Override
    public void check(String what, JsonNode v) throws RenderException {
        if (v.isNull()) {
            return;
        }
        if (!v.isArray() || v.size() < minRows || v.size() > maxRows) {
            throw BadOption.because("option '" + what + "' must be " + accepts() + ", got " + brief(v));
        }
        for (int r = 0; r < v.size(); r++) {
            JsonNode row = v.get(r);
            if (!row.isArray() || row.size() != width) {
                throw BadOption.because("option '" + what + "' row " + r + " must hold " + width + " numbers, got "
                        + (row.isArray() ? row.size() + " values" : brief(row)));
            }
            for (int c = 0; c < width; c++) {
                range.check(what + "[" + r + "][" + c + "]", row.get(c));
            }
        }
    }

    /** Hundreds of numbers would not make a one-line message. */
    private static String brief(JsonNode v) {
        return v.isContainerNode() && v.size() > 3
                ? "a" + (v.isArray() ? " list" : "n object") + " of " + v.size() + " entries" : v.toString();
    }
}
