package dittospark.models;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a python3 for tests that need files only Python's own libraries write: the one on the PATH,
 * or Debian's (where bin/install-test-tools puts numpy and onnx) when that one lacks the modules.
 */
public final class Python3 {
    private static final List<String> INTERPRETERS = List.of("python3", "/usr/bin/python3");
    private static volatile String interpreter = "python3";

    private Python3() {
    }

    /** Skips the calling test unless a python3 can import every one of {@code modules}; later scripts use it. */
    public static void assumeModules(String... modules) {
        String problem = null;
        for (String candidate : INTERPRETERS) {
            problem = problem(List.of(candidate, "-c", "import " + String.join(", ", modules)));
            if (problem == null) {
                interpreter = candidate;
                return;
            }
        }
        String last = problem;
        Assumptions.assumeTrue(false, () -> "this test needs python3 with " + String.join(", ", modules)
                + " (bin/install-test-tools installs them): " + last);
    }

    private static String problem(List<String> command) {
        try {
            Result r = exec(command);
            return r.exitCode == 0 ? null : r.output.strip();
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    /** Runs a script from the test resources; fails the test with Python's output when it fails. */
    public static void runScript(Class<?> owner, String resource, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(interpreter, resource(owner, resource).toString()));
        command.addAll(List.of(args));
        Result r = exec(command);
        if (r.exitCode != 0) {
            throw new IllegalStateException(interpreter + " " + resource + " failed (" + r.exitCode + "):\n" + r.output);
        }
    }

    private static Path resource(Class<?> owner, String name) {
        URL url = owner.getResource(name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + name + " beside " + owner.getName());
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(url.toString(), e);
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result exec(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(command + " did not finish in time");
            }
            return new Result(p.exitValue(), out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command, e);
        }
    }
}
