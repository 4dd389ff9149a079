package dittospark.engine;

import dittospark.runtime.Device;

import java.util.Locale;

/**
 * Whether the warp and the decoder run as one composed graph, one call per frame that keeps the warped
 * feature where the models run, or as two models with the feature copied out and in between. On a GPU
 * that copy is a host round trip per frame; on the CPU there is no copy to save, and composing was
 * measured no faster (see the README), so {@code auto} composes on GPUs only.
 */
public enum Composition {
    AUTO, ON, OFF;

    /** Parses {@code auto}, {@code on} or {@code off}. */
    public static Composition parse(String text) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("composition must be auto, on or off, got '" + text + "'");
        }
    }

    boolean composes(Device device) {
        return this == ON || this == AUTO && device.isCuda();
    }
}
