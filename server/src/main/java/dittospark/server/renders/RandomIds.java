package dittospark.server.renders;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** Render ids: 128 random bits, URL-safe, never made from anything a client sent. */
public final class RandomIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{22}");

    private RandomIds() {
    }

    public static String next() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    /** Whether {@code text} could be an id at all: checked before it is looked up or used in a path. */
    public static boolean wellFormed(String text) {
        return text != null && SHAPE.matcher(text).matches();
    }
}
