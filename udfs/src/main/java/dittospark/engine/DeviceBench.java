package dittospark.engine;

import dittospark.errors.RenderException;
import dittospark.models.ModelContracts;
import dittospark.models.ModelSpec;
import dittospark.models.verify.NodePlacement;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The bench's lines about the device beside the stage table: where each model's nodes run, what
 * composing the warp and the decoder gains, the frames per model call, and the GPU memory peak.
 */
final class DeviceBench {
    static final int ROUNDS = 3;

    private DeviceBench() {
    }

    /** One render measured both ways: end to end, and warp and decode (composed or not) alone. */
    record Way(Composition composition, double endToEndFps, double modelsMsPerFrame) {
    }

    /**
     * The same request rendered with the warp and decoder apart and composed, after a warm-up each, the
     * two ways taking turns for {@link #ROUNDS} rounds: each way's best round counts, so that a burst of
     * other work on a shared machine weighs on neither way alone.
     */
    static List<Way> compositions(Path models, String device, RenderRequest warmUp, RenderRequest request)
            throws RenderException {
        List<Composition> both = List.of(Composition.OFF, Composition.ON);
        for (Composition c : both) {
            EngineRegistry.jvm().engine(models, null, device, c).engine().render(warmUp, RenderProgress.NONE);
        }
        Map<Composition, Way> best = new EnumMap<>(Composition.class);
        for (int round = 0; round < ROUNDS; round++) {
            for (Composition c : both) {
                RenderEngine engine = EngineRegistry.jvm().engine(models, null, device, c).engine();
                RenderResult endToEnd = engine.render(request, RenderProgress.NONE);
                RenderResult alone = engine.renderStagesAlone(request);
                Map<String, Double> s = alone.stageSeconds();
                double seconds = s.getOrDefault("warp", 0.0) + s.getOrDefault("decode", 0.0)
                        + s.getOrDefault("warp+decode", 0.0);
                Way way = new Way(c, endToEnd.fps(), seconds * 1000 / alone.frames());
                best.merge(c, way, (a, b) -> new Way(c, Math.max(a.endToEndFps(), b.endToEndFps()),
                        Math.min(a.modelsMsPerFrame(), b.modelsMsPerFrame())));
            }
        }
        return both.stream().map(best::get).toList();
    }

    static String compositionLines(String caseName, List<Way> ways) {
        StringBuilder b = new StringBuilder("warp and decoder, " + caseName + " (best of " + ROUNDS + " rounds each):");
        for (Way w : ways) {
            b.append(String.format("  %s %.2f fps end to end, %.1f ms/frame models alone;",
                    w.composition() == Composition.ON ? "composed" : "apart", w.endToEndFps(), w.modelsMsPerFrame()));
        }
        return b.append("\nframes per model call: 1 (frame batching is not built yet)\n").toString();
    }

    /** Per model of the set, the provider that ran each node once on zeros and the nodes left on the CPU. */
    static String placementLines(Path models, String device) {
        StringBuilder b = new StringBuilder("node placement on " + device + ":\n");
        var unavailable = NodePlacement.unavailable(device);
        if (unavailable.isPresent()) {
            return b.append("  DEVICE_UNAVAILABLE: ").append(unavailable.get()).append('\n').toString();
        }
        for (ModelSpec spec : ModelContracts.release().models()) {
            Path file = models.resolve(spec.file());
            try {
                NodePlacement.Placement p = NodePlacement.of(spec, file, device);
                b.append("  ").append(p.line()).append("  providers: ")
                        .append(p.nodes().values().stream().distinct().toList()).append('\n');
            } catch (Exception e) {
                b.append("  ").append(spec.role()).append(": not placed (").append(e.getMessage()).append(")\n");
            }
        }
        return b.toString();
    }

    /** The TensorRT engines the bench's engine built on first use, and how long each took. */
    static String engineBuildLine(Map<String, Duration> builds) {
        if (builds.isEmpty()) {
            return "TensorRT engine builds: none (not TensorRT, or every engine came from the cache)\n";
        }
        StringBuilder b = new StringBuilder("TensorRT engine builds on first use:");
        builds.forEach((role, d) -> b.append(String.format(" %s %.1f s;", role, d.toMillis() / 1e3)));
        return b.append('\n').toString();
    }

    static String memoryLine(OptionalLong peakMiB) {
        return "GPU memory peak: " + (peakMiB.isPresent() ? peakMiB.getAsLong() + " MiB (whole device, nvidia-smi)"
                : "n/a") + "\n";
    }
}
