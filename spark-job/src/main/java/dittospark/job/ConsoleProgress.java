package dittospark.job;

import org.apache.spark.SparkContext;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Prints a run's {@link Progress} while it renders: rewritten in place every second on a terminal,
 * and as a plain line every ten seconds otherwise, where a log would fill with carriage returns.
 * Closing it prints the final counts.
 */
final class ConsoleProgress implements AutoCloseable {
    private static final Duration ON_A_TERMINAL = Duration.ofSeconds(1);
    private static final Duration IN_A_LOG = Duration.ofSeconds(10);

    private final SparkContext spark;
    private final RowCounters counters;
    private final ProgressListener listener;
    private final PrintStream console;
    private final long total;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private final Thread printer;
    private int shown;

    ConsoleProgress(SparkContext spark, RowCounters counters, long total, PrintStream console, boolean terminal,
                    Duration every) {
        this.spark = spark;
        this.counters = counters;
        this.listener = new ProgressListener(counters);
        this.console = console;
        this.total = total;
        this.terminal = terminal;
        spark.addSparkListener(listener);
        printer = new Thread(() -> printEvery(every), "dittospark-progress");
        printer.setDaemon(true);
        printer.start();
    }

    /** Follows the rendering of {@code total} rows; in place when {@code console} is the terminal. */
    static ConsoleProgress start(SparkContext spark, RowCounters counters, long total, PrintStream console) {
        boolean terminal = console == System.out && System.console() != null;
        return new ConsoleProgress(spark, counters, total, console, terminal, terminal ? ON_A_TERMINAL : IN_A_LOG);
    }

    private void printEvery(Duration every) {
        try {
            while (true) {
                Thread.sleep(every.toMillis());
                show(listener.progress(), false);
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    private synchronized void show(Progress progress, boolean last) {
        String line = progress.line(total, (System.nanoTime() - started) / 1e9);
        if (terminal) {
            // blanks over the end of a longer earlier line
            console.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())) + (last ? "\n" : ""));
            shown = line.length();
        } else {
            console.println(line);
        }
        console.flush();
    }

    /** The final line takes the driver's merged counts, which the listener may not have caught up with yet. */
    @Override
    public void close() {
        printer.interrupt();
        try {
            printer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        spark.removeSparkListener(listener);
        show(counters.merged(), true);
    }
}
