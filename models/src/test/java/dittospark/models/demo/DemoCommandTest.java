package dittospark.models.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCommandTest {

    @Test
    void listsEveryWrittenFileWithItsSize(@TempDir Path dir) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream console = System.out;
        int status;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            status = new CommandLine(new DemoCommand()).execute(dir.toString());
        } finally {
            System.setOut(console);
        }

        assertThat(status).as("exit status").isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8).lines())
                .as("one line per file: size and path")
                .hasSize(DemoModelSet.files(dir).size())
                .allMatch(line -> line.trim().matches("[1-9][0-9]* +" + Pattern.quote(dir.toString()) + "/.+"));
    }
}
