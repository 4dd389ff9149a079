package dittospark.options;

import com.fasterxml.jackson.databind.JsonNode;
import dittospark.errors.RenderException;

import java.util.List;
import java.util.stream.Collectors;

/** One of a few JSON strings. */
record OneOf(List<String> allowed) implements ValueCheck {
    OneOf {
        allowed = List.copyOf(allowed);
    }

    @Override
    public String accepts() {
        return "one of " + allowed.stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(", "));
    }

    @Override
    public void check(String what, JsonNode v) throws RenderException {
        if (!v.isTextual() || !allowed.contains(v.asText())) {
            throw BadOption.of(what, accepts(), v);
        }
    }
}
