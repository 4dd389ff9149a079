package dittospark.server.renders;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** The service's counters, written in the Prometheus text format. */
public final class ServiceMetrics {
    private final Map<RenderStatus, LongAdder> ended = new EnumMap<>(RenderStatus.class);
    private final LongAdder rejected = new LongAdder();
    private final LongAdder modelLoads = new LongAdder();
    private final AtomicLong renderMicros = new AtomicLong();
    private final LongAdder rendered = new LongAdder();
    private final LongAdder frames = new LongAdder();

    public ServiceMetrics() {
        for (RenderStatus s : RenderStatus.values()) {
            if (s.terminal()) {
                ended.put(s, new LongAdder());
            }
        }
    }

    void ended(JobState state) {
        ended.get(state.status()).increment();
        if (state.status() == RenderStatus.SUCCEEDED) {
            renderMicros.addAndGet(Math.round(state.renderSeconds() * 1e6));
            rendered.increment();
            frames.add(state.framesTotal());
        }
    }

    void rejected() {
        rejected.increment();
    }

    public void modelsLoaded() {
        modelLoads.increment();
    }

    /** Mean engine seconds of a successful render so far, or {@code fallback} before the first. */
    double meanRenderSeconds(double fallback) {
        long n = rendered.sum();
        return n == 0 ? fallback : renderMicros.get() / 1e6 / n;
    }

    /** The text of {@code /metrics}: these counters and the service's gauges now. */
    String text(int queued, Map<RenderStatus, Integer> current, int workers) {
        StringBuilder b = new StringBuilder();
        gauge(b, "dittospark_queue_length", "renders waiting for a worker", queued);
        gauge(b, "dittospark_workers", "renders that may run at once", workers);
        help(b, "dittospark_renders", "gauge", "renders the service knows of, by status");
        current.forEach((s, n) -> b.append("dittospark_renders{status=\"").append(s).append("\"} ").append(n).append('\n'));
        help(b, "dittospark_renders_total", "counter", "renders that ended, by status, and requests refused as the queue was full");
        ended.forEach((s, n) -> b.append("dittospark_renders_total{status=\"").append(s).append("\"} ")
                .append(n.sum()).append('\n'));
        b.append("dittospark_renders_total{status=\"REJECTED\"} ").append(rejected.sum()).append('\n');
        help(b, "dittospark_render_seconds", "summary", "engine seconds of successful renders");
        b.append("dittospark_render_seconds_sum ").append(String.format(Locale.ROOT, "%.6f", renderMicros.get() / 1e6))
                .append('\n').append("dittospark_render_seconds_count ").append(rendered.sum()).append('\n');
        double seconds = renderMicros.get() / 1e6;
        gauge(b, "dittospark_frames_per_second", "frames per engine second over successful renders",
                seconds > 0 ? frames.sum() / seconds : 0);
        help(b, "dittospark_model_loads_total", "counter", "model sets loaded by this server");
        b.append("dittospark_model_loads_total ").append(modelLoads.sum()).append('\n');
        return b.toString();
    }

    private static void gauge(StringBuilder b, String name, String help, double value) {
        help(b, name, "gauge", help);
        b.append(name).append(' ').append(value == Math.rint(value) ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%.3f", value)).append('\n');
    }

    private static void help(StringBuilder b, String name, String type, String help) {
        b.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }
}
