package dittospark.cli;

import dittospark.engine.BenchCommand;
import dittospark.engine.RenderCommand;
import dittospark.models.cli.ModelsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code dittospark} command line: one main class for the launcher and for spark-submit. */
@Command(name = "dittospark", mixinStandardHelpOptions = true, version = "dittospark 0.1.0",
        description = "Batch renderer of Ditto talking-head videos.",
        subcommands = {BatchCommand.class, RenderCommand.class, BenchCommand.class, ModelsCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
