package dittospark.models.cli;

import dittospark.models.demo.DemoCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dittospark models}: work with a model folder without rendering. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Check a model folder, read a release config, or write the demo model set.",
        subcommands = {
            VerifyCommand.class,
            ConfigCommand.class,
            DemoCommand.class
        })
public final class ModelsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
