package dittospark.media;

import java.util.regex.Pattern;

/** FFmpeg's failures as JavaCV words them, less the hints meant for JavaCV's programmers. */
public final class FfmpegMessages {
    /** "(Has setFormat() been called?)", "(For more details, make sure FFmpegLogCallback.set() has been called.)" */
    private static final Pattern HINTS = Pattern.compile("\\s*\\((Has setFormat\\(\\) been called\\?|For more details[^()]*\\(\\)[^()]*)\\)");
    /** "avformat_open_input() error -1094995529: " */
    private static final Pattern CALL = Pattern.compile("^\\w+\\(\\) error -?\\d+: ");

    private FfmpegMessages() {
    }

    public static String clean(String message) {
        if (message == null) {
            return "no reason given";
        }
        String text = CALL.matcher(HINTS.matcher(message).replaceAll("")).replaceFirst("").strip();
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
