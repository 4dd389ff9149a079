package dittospark.runtime;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a model runs: the CPU or one CUDA device by index. Spelled {@code cpu} or {@code cuda:N},
 * the same text the results table records as the provider.
 */
public record Device(Kind kind, int index) {
    public static final Device CPU = new Device(Kind.CPU, 0);

    private static final Pattern CUDA = Pattern.compile("cuda:(\\d{1,4})");

    public enum Kind { CPU, CUDA }

    public Device {
        if (kind == Kind.CPU && index != 0 || index < 0) {
            throw new IllegalArgumentException("invalid device index " + index + " for " + kind);
        }
    }

    public static Device cuda(int index) {
        return new Device(Kind.CUDA, index);
    }

    /** Parses {@code cpu} or {@code cuda:N}. */
    public static Device parse(String text) {
        if ("cpu".equals(text)) {
            return CPU;
        }
        Matcher m = CUDA.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("device must be cpu or cuda:N, got '" + text + "'");
        }
        return cuda(Integer.parseInt(m.group(1)));
    }

    public boolean isCuda() {
        return kind == Kind.CUDA;
    }

    @Override
    public String toString() {
        return isCuda() ? "cuda:" + index : "cpu";
    }
}
