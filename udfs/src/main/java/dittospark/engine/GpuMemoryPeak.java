package dittospark.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * The most memory one GPU had in use while the bench ran, as {@code nvidia-smi} reports it (the whole
 * device, so other processes count too), sampled four times a second on a daemon thread. Empty where
 * there is no {@code nvidia-smi} or no such GPU.
 */
final class GpuMemoryPeak implements AutoCloseable {
    /** No GPU to sample: the peak stays empty. */
    static final int NONE = -1;
    private static final long SAMPLE_MS = 250;

    private final int gpu;
    private final Thread sampler;
    private volatile long peakMiB = -1;
    private volatile boolean running = true;

    private GpuMemoryPeak(int gpu) {
        this.gpu = gpu;
        this.sampler = new Thread(this::sample, "gpu-memory-peak");
        sampler.setDaemon(true);
    }

    /** Starts sampling GPU {@code gpu}, or nothing for {@link #NONE}. */
    static GpuMemoryPeak start(int gpu) {
        GpuMemoryPeak peak = new GpuMemoryPeak(gpu);
        if (gpu != NONE) {
            peak.sampler.start();
        }
        return peak;
    }

    /** The peak so far, in MiB. */
    OptionalLong peakMiB() {
        return peakMiB < 0 ? OptionalLong.empty() : OptionalLong.of(peakMiB);
    }

    private void sample() {
        while (running) {
            OptionalLong used = usedMiB(gpu);
            if (used.isEmpty()) {
                return;
            }
            peakMiB = Math.max(peakMiB, used.getAsLong());
            try {
                Thread.sleep(SAMPLE_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The memory in use on GPU {@code gpu} now, in MiB, or empty where nvidia-smi does not say. */
    static OptionalLong usedMiB(int gpu) {
        try {
            Process p = new ProcessBuilder("nvidia-smi", "--query-gpu=memory.used", "--format=csv,noheader,nounits",
                    "-i", Integer.toString(gpu)).redirectErrorStream(true).start();
            String text;
            try (InputStream in = p.getInputStream()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Long.parseLong(text));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
