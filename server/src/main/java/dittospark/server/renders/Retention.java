package dittospark.server.renders;

import java.time.Duration;
import java.time.Instant;

/**
 * How long finished renders stay and how much disk they may take together: past {@code keep}, or
 * while the ended renders' folders exceed {@code quotaBytes}, the oldest ended render goes first.
 */
public record Retention(Duration keep, long quotaBytes) {
    public Retention {
        if (keep.isNegative() || quotaBytes < 0) {
            throw new IllegalArgumentException("retention needs keep >= 0 and quota >= 0");
        }
    }

    boolean expired(Instant ended, Instant now) {
        return ended.plus(keep).isBefore(now);
    }
}
