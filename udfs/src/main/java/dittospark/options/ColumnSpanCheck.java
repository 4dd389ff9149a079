package dittospark.options;

import com.fasterxml.jackson.databind.JsonNode;
import dittospark.errors.RenderException;

/** {@code [from, to]}: columns {@code from} (inclusive) to {@code to} (exclusive) of a motion row, or null. */
record ColumnSpanCheck(int columns) implements ValueCheck {
    @Override
    public String accepts() {
        return "[from, to] with 0 <= from <= to <= " + columns + ", or null";
    }

    @Override
    public void check(String what, JsonNode v) throws RenderException {
        if (v.isNull()) {
            return;
        }
        IntegerRange column = new IntegerRange(0, columns);
        boolean ok = v.isArray() && v.size() == 2 && column.holds(v.get(0)) && column.holds(v.get(1))
                && v.get(0).asLong() <= v.get(1).asLong();
        if (!ok) {
            throw BadOption.of(what, accepts(), v);
        }
    }
}
