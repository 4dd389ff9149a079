package dittospark.server;

import dittospark.errors.ErrorKind;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * What an upload is, by its first bytes rather than its name or declared type: pictures and videos
 * for a source, audio containers for speech. The stored file takes the extension found here, never a
 * name the client sent.
 */
final class UploadTypes {
    /** Bytes enough for every signature below. */
    static final int HEAD_BYTES = 12;

    enum Role { SOURCE, AUDIO }

    private UploadTypes() {
    }

    /** The file extension of an accepted upload, or a {@code 415} naming what is accepted. */
    static String extension(Role role, byte[] head) throws ApiException {
        Optional<String> found = role == Role.SOURCE ? source(head) : audio(head);
        return found.orElseThrow(() -> new ApiException(415,
                role == Role.SOURCE ? ErrorKind.SOURCE_UNREADABLE : ErrorKind.AUDIO_UNREADABLE,
                role == Role.SOURCE ? "a source upload must be a PNG, JPEG or WebP picture, or an MP4, MOV,"
                        + " WebM or Matroska video" : "an audio upload must be WAV, FLAC, MP3, Ogg, M4A or WebM"));
    }

    private static Optional<String> source(byte[] h) {
        if (starts(h, 0, (byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G')) {
            return Optional.of("png");
        }
        if (starts(h, 0, (byte) 0xFF, (byte) 0xD8, (byte) 0xFF)) {
            return Optional.of("jpg");
        }
        if (ascii(h, 0, "RIFF") && ascii(h, 8, "WEBP")) {
            return Optional.of("webp");
        }
        return video(h);
    }

    private static Optional<String> audio(byte[] h) {
        if (ascii(h, 0, "RIFF") && ascii(h, 8, "WAVE")) {
            return Optional.of("wav");
        }
        if (ascii(h, 0, "fLaC")) {
            return Optional.of("flac");
        }
        if (ascii(h, 0, "OggS")) {
            return Optional.of("ogg");
        }
        if (ascii(h, 0, "ID3") || (h.length > 1 && (h[0] & 0xFF) == 0xFF && (h[1] & 0xE0) == 0xE0)) {
            return Optional.of("mp3");
        }
        return video(h).map(ext -> ext.equals("mp4") ? "m4a" : ext);
    }

    private static Optional<String> video(byte[] h) {
        if (ascii(h, 4, "ftyp")) {
            return Optional.of(ascii(h, 8, "qt  ") ? "mov" : "mp4");
        }
        if (starts(h, 0, (byte) 0x1A, (byte) 0x45, (byte) 0xDF, (byte) 0xA3)) {
            return Optional.of("webm");
        }
        return Optional.empty();
    }

    private static boolean ascii(byte[] h, int at, String text) {
        return starts(h, at, text.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean starts(byte[] h, int at, byte... signature) {
        return h.length >= at + signature.length
                && Arrays.equals(h, at, at + signature.length, signature, 0, signature.length);
    }
}
