package dittospark.models.verify;

import java.util.List;

/**
 * The outcome of checking one file of a model folder against its contract.
 *
 * @param role     the model's role, or {@code config}
 * @param file     the file as found or looked for, relative to the folder where it lies inside it
 * @param problems every mismatch found; empty when the file passes
 */
public record ModelCheck(String role, String file, List<String> problems) {

    public ModelCheck {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /** One line: {@code OK   role  file}, or {@code FAIL role  file: problem; problem}. */
    public String line() {
        return String.format("%-4s %-22s %s", ok() ? "OK" : "FAIL", role, file)
                + (ok() ? "" : ": " + String.join("; ", problems));
    }
}
