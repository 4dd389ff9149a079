package dittospark.options;

import com.fasterxml.jackson.databind.JsonNode;
import dittospark.errors.RenderException;

/** What values one option accepts: the rule that rejects a row, and its words in help and README. */
public interface ValueCheck {
    /** The accepted values as the phrase that follows "must be", e.g. "an integer in [0, 16384]". */
    String accepts();

    /**
     * Rejects {@code value} with a one-line {@link dittospark.errors.ErrorKind#BAD_OPTION} naming
     * {@code what} (the option, or the part of a structured option) and the accepted values.
     */
    void check(String what, JsonNode value) throws RenderException;

}
