package dittospark.options;

import com.fasterxml.jackson.databind.JsonNode;
import dittospark.errors.RenderException;

/** The URI or path of another source file, or null. */
final class SourceUriCheck implements ValueCheck {
    @Override
    public String accepts() {
        return "the URI of a picture or video, or null";
    }

    @Override
    public void check(String what, JsonNode v) throws RenderException {
        if (!(v.isNull() || v.isTextual() && !v.asText().isBlank() && v.asText().chars().noneMatch(Character::isISOControl))) {
            throw BadOption.of(what, accepts(), v);
        }
    }
}
