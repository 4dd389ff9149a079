package dittospark.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The names a render's live folder may hold, as the engine writes its HLS output there: the playlist,
 * the fMP4 init segment and the numbered media segments. Only these names are ever opened, and only
 * once they exist.
 */
final class LiveFiles {
    static final String PLAYLIST = "live.m3u8";
    private static final String INIT = "init.mp4";
    private static final Pattern SEGMENT = Pattern.compile("segment_\\d{5}\\.m4s");

    /** A file to serve and how: the playlist changes as segments are added, segments never change. */
    record Served(Path file, String contentType, String cacheControl) {
    }

    private LiveFiles() {
    }

    static Optional<Served> find(Path folder, String name) {
        Served served;
        if (PLAYLIST.equals(name)) {
            served = new Served(folder.resolve(name), "application/vnd.apple.mpegurl", "no-cache");
        } else if (INIT.equals(name)) {
            served = new Served(folder.resolve(name), "video/mp4", "max-age=3600");
        } else if (SEGMENT.matcher(name).matches()) {
            served = new Served(folder.resolve(name), "video/iso.segment", "max-age=3600");
        } else {
            return Optional.empty();
        }
        return Files.isRegularFile(served.file()) ? Optional.of(served) : Optional.empty();
    }
}
