package dittospark.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;

/** The one-line failures of option checks. */
final class BadOption {
    private BadOption() {
    }

    static RenderException of(String what, String accepts, JsonNode value) {
        return because("option '" + what + "' must be " + accepts + ", got " + value);
    }

    /** A row's own key, with line breaks and other control characters escaped as JSON writes them. */
    static String oneLine(String key) {
        String quoted = JsonNodeFactory.instance.textNode(key).toString();
        return quoted.substring(1, quoted.length() - 1);
    }

    static RenderException because(String message) {
        return new RenderException(ErrorKind.BAD_OPTION, message);
    }
}
