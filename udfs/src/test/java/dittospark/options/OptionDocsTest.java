package dittospark.options;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class OptionDocsTest {
    private static final Path README = Path.of("..", "README.md");

    @Test
    void theReadmeHoldsTheTableOfTheSchema() throws Exception {
        assertThat(Files.readString(README)).as("README's render option table (paste OptionDocs.markdownTable())")
                .contains(OptionDocs.markdownTable());
    }

    @Test
    void theTableHasOneRowPerOption() {
        assertThat(OptionDocs.markdownTable().lines().skip(2))
                .as("rows after the header").hasSize(Options.ALL.size());
    }

    @Test
    void helpLinesFitTheirWidth() {
        assertThat(OptionDocs.helpLines(60)).as("help lines wrapped to 60 columns")
                .allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(60));
    }

    @Test
    void helpLinesStartEachOptionAtTheMargin() {
        assertThat(OptionDocs.helpLines(80).stream().filter(line -> !line.startsWith("   ")).map(String::strip)
                .map(line -> line.substring(0, line.indexOf(' '))))
                .as("names starting the unindented lines").containsExactlyElementsOf(
                        Options.ALL.stream().map(Option::name).toList());
    }
}
