package dittospark.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BatchCommandTest {
    @TempDir
    Path dir;

    @Test
    void aMissingManifestIsOneLineWithoutAStackTrace() {
        String missing = dir.resolve("no-such-manifest.csv").toString();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        int code;
        PrintStream both = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        try {
            code = new CommandLine(new BatchCommand()).execute("--manifest", missing,
                    "--out", dir.resolve("out").toString());
        } finally {
            System.setOut(out);
            System.setErr(err);
        }

        assertThat(code).as("exit code").isEqualTo(BatchCommand.BAD_MANIFEST);
        assertThat(printed.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("SLF4J")))
                .as("what the command printed, less the logging library's start-up notes")
                .containsExactly("dittospark batch: the manifest " + missing + " does not exist; check the path");
    }

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
