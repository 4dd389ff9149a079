package dittospark.job;

import java.util.Locale;

/**
 * How far a run's rendering has got, as one console line: rows done of the total, their outcomes,
 * frames per second and the time left at the pace so far.
 */
record Progress(long succeeded, long failed, long skipped, long frames) {
    static final Progress NONE = new Progress(0, 0, 0, 0);

    long done() {
        return succeeded + failed + skipped;
    }

    Progress plus(Progress other) {
        return new Progress(succeeded + other.succeeded, failed + other.failed, skipped + other.skipped,
                frames + other.frames);
    }

    /** E.g. {@code rendered 12/40 rows (10 succeeded, 1 failed, 1 skipped), 23.4 fps, about 3m12s left}. */
    String line(long total, double elapsedSeconds) {
        // a speculative copy of a task reports its rows twice until one copy is dropped
        long done = Math.min(done(), total);
        double fps = elapsedSeconds > 0 ? frames / elapsedSeconds : 0;
        return String.format(Locale.ROOT, "rendered %d/%d rows (%d succeeded, %d failed, %d skipped), %.1f fps, %s",
                done, total, succeeded, failed, skipped, fps, timeLeft(done, total, elapsedSeconds));
    }

    /** The remaining rows at the mean pace of the finished ones; unknown until one has finished. */
    static String timeLeft(long done, long total, double elapsedSeconds) {
        if (done >= total) {
            return "done";
        }
        if (done == 0) {
            return "time left unknown";
        }
        return "about " + duration(Math.round(elapsedSeconds * (total - done) / done)) + " left";
    }

    static String duration(long seconds) {
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        if (h > 0) {
            return String.format(Locale.ROOT, "%dh%02dm", h, m);
        }
        return m > 0 ? String.format(Locale.ROOT, "%dm%02ds", m, s) : s + "s";
    }
}
