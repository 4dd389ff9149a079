package dittospark.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class BatchCommandTest {
    @Test
    void aNegativeLimitIsOneLineAndExitCode2() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream before = System.err;
        int code;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            code = new CommandLine(new BatchCommand()).execute("--manifest", "m.csv", "--out", "out", "--limit", "-1");
        } finally {
            System.setErr(before);
        }

        String printed = err.toString(StandardCharsets.UTF_8);
        assertThat(code).as("exit code").isEqualTo(BatchCommand.BAD_MANIFEST);
        assertThat(printed.lines().filter(l -> !l.startsWith("SLF4J")))
                .as("what the command printed, less the logging library's start-up notes")
                .containsExactly("dittospark batch: --limit must be 0 or more, got -1");
    }
}
