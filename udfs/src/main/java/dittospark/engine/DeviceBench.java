package dittospark.engine;

import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import dittospark.models.ModelContracts;
import dittospark.models.ModelSpec;
import dittospark.models.verify.NodePlacement;
import dittospark.onnx.BatchAxis;
import dittospark.onnx.GraphComposer;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        return b.append('\n').toString();
    }

    /**
     * A render with one frame per warp and decoder call against one with {@code batch}: end-to-end fps,
     * best of {@link #ROUNDS} rounds taken in turns; {@code whyNot} instead where a model pins its batch.
     */
    record Batching(int batch, double oneFps, double batchedFps, Optional<String> whyNot) {
    }

    static Batching batching(Path models, String device, Composition composition, int batch, RenderRequest warmUp,
                             RenderRequest request) throws RenderException {
        Optional<String> whyNot = whyNoBatch(models);
        if (batch == 1 || whyNot.isPresent()) {
            return new Batching(batch, 0, 0, whyNot);
        }
        List<Integer> both = List.of(1, batch);
        for (int b : both) {
            EngineRegistry.jvm().engine(models, null, device, composition, b).engine()
                    .render(warmUp, RenderProgress.NONE);
        }
        double[] best = new double[2];
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < both.size(); i++) {
                RenderEngine engine = EngineRegistry.jvm().engine(models, null, device, composition, both.get(i))
                        .engine();
                best[i] = Math.max(best[i], engine.render(request, RenderProgress.NONE).fps());
            }
        }
        return new Batching(batch, best[0], best[1], Optional.empty());
    }

    /** Why the warp or the decoder of the set cannot take a batch; empty where both can. */
    private static Optional<String> whyNoBatch(Path models) throws RenderException {
        for (String role : DittoModels.WARP_DECODE_CHAIN) {
            Path file = models.resolve(ModelContracts.release().model(role).file());
            try {
                Optional<String> why = BatchAxis.whyNot(GraphComposer.read(file));
                if (why.isPresent()) {
                    return Optional.of(role + ": " + why.get());
                }
            } catch (IOException e) {
                throw new RenderException(ErrorKind.MODEL_MISMATCH, file + " is unreadable", e);
            }
        }
        return Optional.empty();
    }

    static String batchingLine(String caseName, Batching b) {
        if (b.whyNot().isPresent()) {
            return "frames per model call: 1, the models pin their batch (" + b.whyNot().get() + ")\n";
        }
        if (b.batch() == 1) {
            return "frames per model call: 1 (--batch N compares N)\n";
        }
        return String.format("frames per model call, %s (best of %d rounds each):  batch %d %.2f fps end to end;"
                + "  batch 1 %.2f fps end to end%n", caseName, ROUNDS, b.batch(), b.batchedFps(), b.oneFps());
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
