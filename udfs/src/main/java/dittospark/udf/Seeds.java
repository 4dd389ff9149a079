package dittospark.udf;

import dittospark.files.LocalFiles;
import java.nio.charset.StandardCharsets;

/** Seeds for rows that name none: derived from the id, so that a rerun renders the same frames. */
public final class Seeds {
    private Seeds() {
    }

    /** The first four bytes of SHA-256(id) as an unsigned number: a valid seed in [0, 2^32 - 1]. */
    public static long fromId(String id) {
        byte[] d = LocalFiles.sha256().digest(id.getBytes(StandardCharsets.UTF_8));
        return ((d[0] & 0xFFL) << 24) | ((d[1] & 0xFFL) << 16) | ((d[2] & 0xFFL) << 8) | (d[3] & 0xFFL);
    }
}
