package dittospark.engine;

import dittospark.options.Option;
import dittospark.options.Options;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class RenderCommandTest {
    /** The help text with its line wrapping undone. */
    private static final String HELP = new CommandLine(new RenderCommand()).getUsageMessage().replaceAll("\\s+", " ");

    static Stream<Option<?>> options() {
        return Options.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("options")
    void helpListsTheOptionWithWhatItAcceptsAndItsDefault(Option<?> option) {
        assertThat(HELP).as("render --help")
                .contains(" " + option.name() + " " + option.accepts() + "; default " + option.builtIn() + " ");
    }

    @ParameterizedTest
    @MethodSource("options")
    void helpGivesTheOptionsDoc(Option<?> option) {
        assertThat(HELP).as("render --help").contains(option.doc());
    }
}
