package dittospark.golden;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.Set;

/** A check that reads one JSON golden file and nothing else. */
abstract class SingleFileCheck implements GoldenCheck {
    private final String file;

    SingleFileCheck(String file) {
        this.file = file;
    }

    @Override
    public final Set<String> claims(Path goldenDir) {
        return Set.of(file);
    }

    JsonNode root() {
        return GoldenFiles.json(file);
    }
}
