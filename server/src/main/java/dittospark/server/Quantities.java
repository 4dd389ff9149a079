package dittospark.server;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The command line's durations ({@code 90s}, {@code 30m}, {@code 2h}, {@code 1d}) and sizes ({@code 500k}, {@code 50m}, {@code 2g}). */
final class Quantities {
    private static final Pattern AMOUNT = Pattern.compile("(\\d+)([a-z]?)");

    private Quantities() {
    }

    static Duration duration(String text) {
        Matcher m = match(text, "a duration such as 90s, 30m, 2h or 1d");
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s", "" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> throw new IllegalArgumentException("'" + text + "' is not a duration such as 90s, 30m, 2h or 1d");
        };
    }

    static long bytes(String text) {
        Matcher m = match(text, "a size such as 500k, 50m or 2g");
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "" -> n;
            case "k" -> n << 10;
            case "m" -> n << 20;
            case "g" -> n << 30;
            default -> throw new IllegalArgumentException("'" + text + "' is not a size such as 500k, 50m or 2g");
        };
    }

    private static Matcher match(String text, String what) {
        Matcher m = AMOUNT.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not " + what);
        }
        return m;
    }
}
