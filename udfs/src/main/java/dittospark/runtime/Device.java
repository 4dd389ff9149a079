package dittospark.runtime;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a model runs: the CPU, or one CUDA device by index through ONNX Runtime's CUDA provider or its
 * TensorRT provider. Spelled {@code cpu}, {@code cuda:N} or {@code tensorrt:N}, the same text the results
 * table records as the provider.
 */
public record Device(Kind kind, int index) {
    public static final Device CPU = new Device(Kind.CPU, 0);

    private static final Pattern GPU = Pattern.compile("(cuda|tensorrt):(\\d{1,4})");

    public enum Kind { CPU, CUDA, TENSORRT }

    public Device {
        if (kind == Kind.CPU && index != 0 || index < 0) {
            throw new IllegalArgumentException("invalid device index " + index + " for " + kind);
        }
    }

    public static Device cuda(int index) {
        return new Device(Kind.CUDA, index);
    }

    /** Parses {@code cpu}, {@code cuda:N} or {@code tensorrt:N}. */
    public static Device parse(String text) {
        if ("cpu".equals(text)) {
            return CPU;
        }
        Matcher m = GPU.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("device must be cpu, cuda:N or tensorrt:N, got '" + text + "'");
        }
        Kind kind = m.group(1).equals("cuda") ? Kind.CUDA : Kind.TENSORRT;
        return new Device(kind, Integer.parseInt(m.group(2)));
    }

    /** This GPU through the TensorRT provider; the CPU has none. */
    public Device withTensorRt() {
        if (kind == Kind.CPU) {
            throw new IllegalArgumentException("the tensorrt provider needs a cuda:N device, not cpu");
        }
        return new Device(Kind.TENSORRT, index);
    }

    /** Whether the device is a GPU, whichever provider drives it. */
    public boolean isCuda() {
        return kind != Kind.CPU;
    }

    public boolean isTensorRt() {
        return kind == Kind.TENSORRT;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case CPU -> "cpu";
            case CUDA -> "cuda:" + index;
            case TENSORRT -> "tensorrt:" + index;
        };
    }
}
