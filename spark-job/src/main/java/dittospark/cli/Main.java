package dittospark.cli;

import dittospark.engine.BenchCommand;
import dittospark.engine.RenderCommand;
import dittospark.models.cli.ModelsCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code dittospark} command line: one main class for the launcher and for spark-submit. */
@Command(name = "dittospark", mixinStandardHelpOptions = true, version = "dittospark 0.1.0",
        description = "Batch renderer of Ditto talking-head videos.",
        footer = {"", "The live avatar service runs from the launcher with its own classpath:",
                "  bin/dittospark serve --help, bin/dittospark bench-serve --help"},
        subcommands = {BatchCommand.class, RenderCommand.class, BenchCommand.class, ModelsCommand.class})
public final class Main implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).setExecutionExceptionHandler(Main::oneLine).execute(args));
    }

    /** A failure no command turned into its own message: one line on the console, the stack trace in the log. */
    private static int oneLine(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        LOG.debug("{} failed", command.getCommandName(), e);
        System.err.println("dittospark " + command.getCommandName() + " failed: " + e
                + " (its stack trace is logged at DEBUG level)");
        return 1;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
