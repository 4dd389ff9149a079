package dittospark.golden;

import org.junit.jupiter.api.DynamicTest;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks one kind of golden file against the port. {@link GoldenParityTest} hands every file of the
 * golden folder to the check that claims it, so a new file with no check fails the suite.
 */
public interface GoldenCheck {
    /** The file names (not paths) this check reads, including the .npy/.png files its JSON names. */
    Set<String> claims(Path goldenDir);

    /** One dynamic test per case found in the files; expectations come from the files only. */
    Stream<DynamicTest> tests(Path goldenDir);
}
