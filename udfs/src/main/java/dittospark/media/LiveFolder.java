package dittospark.media;

import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A folder a video is written to as HLS while it is encoded: an EVENT playlist {@value #PLAYLIST}, the
 * fragmented-MP4 header {@value #INIT} and segments {@code segment_00000.m4s}, ... of about one second
 * (they cut on the keyframes an encoder for live output puts every {@value #GOP} frames), audio and
 * video in the same segments. FFmpeg's HLS muxer writes each segment and each playlist under a
 * temporary name and renames it into place, so a reader never lists a half-written file. The encoder
 * calls {@link #poll()} as it goes; each segment newly listed is told to the listener once. Closing a
 * folder whose video did not finish removes what it wrote, and the folder itself if that leaves it empty.
 */
public final class LiveFolder implements AutoCloseable {
    public static final String PLAYLIST = "live.m3u8";
    public static final String INIT = "init.mp4";
    /** Frames from one keyframe to the next: one second at 25 fps. */
    static final int GOP = Mp4Writer.FPS;
    private static final String SEGMENTS = "segment_%05d.m4s";
    /** Characters the tee muxer's output list parses, at several levels of escaping. */
    private static final Pattern TEE_SYNTAX = Pattern.compile("[\\\\:\\[\\]|=]");

    /** Hears of segments as the playlist lists them. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = (index, endSeconds) -> { };

        void segmentListed(int index, double endSeconds);
    }

    private final Path folder;
    private final Listener listener;
    private final boolean created;
    private int listed;
    private double endSeconds;
    /** The playlist's size when last read: an EVENT playlist only grows. */
    private long playlistSize = -1;
    private boolean finished;

    private LiveFolder(Path folder, Listener listener, boolean created) {
        this.folder = folder;
        this.listener = listener;
        this.created = created;
    }

    /** Makes {@code folder} (and its parents) where missing; what it holds already is left alone. */
    public static LiveFolder create(Path folder, Listener listener) throws RenderException {
        if (TEE_SYNTAX.matcher(folder.toAbsolutePath().toString()).find()) {
            throw new RenderException(ErrorKind.OUTPUT_FAILED, "the live folder " + folder
                    + " has one of the characters \\ : [ ] | = in its path, which FFmpeg's output list cannot take");
        }
        boolean created = !Files.isDirectory(folder);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new RenderException(ErrorKind.OUTPUT_FAILED, "cannot create the live folder " + folder + " (" + e
                    + ")", e);
        }
        return new LiveFolder(folder.toAbsolutePath(), listener, created);
    }

    public Path folder() {
        return folder;
    }

    /** The HLS output as one output of FFmpeg's tee muxer. */
    String teeOutput() {
        String options = String.join(":", List.of("f=hls", "hls_time=1", "hls_list_size=0",
                "hls_playlist_type=event", "hls_segment_type=fmp4", "hls_fmp4_init_filename=" + INIT,
                "hls_flags=temp_file+independent_segments",
                "hls_segment_filename=" + folder.resolve(SEGMENTS)));
        return "[" + options + "]" + folder.resolve(PLAYLIST);
    }

    /** Reads the playlist again where it changed and tells the listener of the segments newly listed. */
    void poll() throws RenderException {
        Path playlist = folder.resolve(PLAYLIST);
        List<String> lines;
        try {
            long size = Files.size(playlist);
            if (size == playlistSize) {
                return;
            }
            playlistSize = size;
            lines = Files.readAllLines(playlist);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw new RenderException(ErrorKind.OUTPUT_FAILED, "cannot read the live playlist " + playlist + " ("
                    + e + ")", e);
        }
        int segment = 0;
        double duration = 0;
        for (String line : lines) {
            if (line.startsWith("#EXTINF:")) {
                duration = Double.parseDouble(line.substring("#EXTINF:".length()).split(",", 2)[0]);
            } else if (!line.isBlank() && !line.startsWith("#")) {
                if (segment == listed) {
                    endSeconds += duration;
                    listener.segmentListed(listed++, endSeconds);
                }
                segment++;
            }
        }
    }

    /** The video is complete: the playlist ends with {@code #EXT-X-ENDLIST}, and the folder stays. */
    void finished() throws RenderException {
        playlistSize = -1;
        poll();
        finished = true;
    }

    /** Without {@link #finished()}, removes the playlist, header, segments and their temporary files. */
    @Override
    public void close() {
        if (finished) {
            return;
        }
        try (DirectoryStream<Path> ours = Files.newDirectoryStream(folder,
                p -> isOurs(p.getFileName().toString()))) {
            for (Path p : ours) {
                Files.deleteIfExists(p);
            }
            if (created) {
                try (DirectoryStream<Path> left = Files.newDirectoryStream(folder)) {
                    if (!left.iterator().hasNext()) {
                        Files.delete(folder);
                    }
                }
            }
        } catch (IOException ignored) {
            // the render has already failed; what could not be removed is named by the caller's error
        }
    }

    private static boolean isOurs(String name) {
        String base = name.endsWith(".tmp") ? name.substring(0, name.length() - 4) : name;
        return base.equals(PLAYLIST) || base.equals(INIT) || base.matches("segment_\\d{5,}\\.m4s");
    }

}
