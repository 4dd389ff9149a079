package dittospark.models.cli;

import dittospark.models.config.DittoConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code models config FILE}: a release config as JSON. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Print a release config (ditto_cfg/*.pkl, or its JSON form) as JSON, numpy arrays as "
                + "nested lists. Saved to a .json file, the output is a config the renderer reads.")
final class ConfigCommand implements Callable<Integer> {
    static final int UNREADABLE = 1;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "config pickle or JSON")
    Path file;

    @Override
    public Integer call() {
        try {
            spec.commandLine().getOut().println(DittoConfig.read(file).toJson());
            return 0;
        } catch (IOException e) {
            spec.commandLine().getErr().println("cannot read the config: " + e.getMessage());
            return UNREADABLE;
        }
    }
}
