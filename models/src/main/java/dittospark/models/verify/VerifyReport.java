package dittospark.models.verify;

import java.util.List;
import java.util.stream.Collectors;

/** Every check of a model folder: the config first, then one per model of the contracts. */
public record VerifyReport(List<ModelCheck> checks) {

    public VerifyReport {
        checks = List.copyOf(checks);
    }

    public boolean passed() {
        return checks.stream().allMatch(ModelCheck::ok);
    }

    public List<ModelCheck> failures() {
        return checks.stream().filter(c -> !c.ok()).toList();
    }

    /** One line per check and a closing verdict. */
    public String text() {
        long failed = failures().size();
        return checks.stream().map(ModelCheck::line).collect(Collectors.joining("\n")) + "\n"
                + (failed == 0 ? "PASS: all " + checks.size() + " files match the contracts"
                               : "FAIL: " + failed + " of " + checks.size() + " files do not match the contracts");
    }
}
