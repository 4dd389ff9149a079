package dittospark.runtime;

import ai.onnxruntime.OrtException;
import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import dittospark.models.ModelContracts;
import dittospark.models.ModelSpec;
import dittospark.onnx.BatchAxis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A model folder opened on one device: each model's session is created on first use and kept until
 * {@link #close}. Thread-safe; sessions run concurrently.
 */
public final class ModelSet implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModelSet.class);
    /** The suffix of a batched session's key among the set's sessions. */
    private static final String BATCHED = "#batched";

    private final Path folder;
    private final Device requested;
    private final Map<String, ModelSession> sessions = new HashMap<>();
    /** The batched keys of the models that pin their batch axis, whose reason has been logged. */
    private final Set<String> unbatchable = new HashSet<>();
    private boolean closed;

    private ModelSet(Path folder, Device requested) {
        this.folder = folder;
        this.requested = requested;
    }

    /** The model set in {@code folder}, to run on {@code device}; no model is loaded yet. */
    public static ModelSet open(Path folder, Device device) throws RenderException {
        try {
            return new ModelSet(folder.toRealPath(), device);
        } catch (IOException e) {
            throw new RenderException(ErrorKind.MODEL_MISMATCH, "model folder " + folder + " does not exist", e);
        }
    }

    public Path folder() {
        return folder;
    }

    /** The device every session of the set runs on. */
    public Device device() {
        return requested;
    }

    /** The session for a contract role, created on first use. */
    public synchronized ModelSession session(String role) throws RenderException {
        if (closed) {
            throw new IllegalStateException("the model set in " + folder + " is closed");
        }
        ModelSession s = sessions.get(role);
        if (s == null) {
            ModelSpec spec = ModelContracts.release().model(role);
            Path file = folder.resolve(spec.file());
            if (!Files.isRegularFile(file)) {
                throw new RenderException(ErrorKind.MODEL_MISMATCH, spec.role() + ": " + file + " is missing");
            }
            s = ModelSession.open(spec, file, requested);
            sessions.put(role, s);
        }
        return s;
    }

    /**
     * The session of {@code roles} composed into one graph ({@link ComposedModels}), created on first
     * use: one run takes the first model's inputs and gives the last model's outputs.
     *
     * @throws RenderException {@link ErrorKind#MODEL_MISMATCH} when the models cannot be composed
     */
    public synchronized ModelSession chain(List<String> roles) throws RenderException {
        String role = ComposedModels.role(roles);
        ModelSession s = sessions.get(role);
        if (s == null) {
            ModelFile composed = composed(roles);
            s = ModelSession.open(composed.spec(), composed.file(), requested);
            sessions.put(role, s);
        }
        return s;
    }

    /** A model's contract and its file: one of the folder, or a chain's composed file. */
    private record ModelFile(ModelSpec spec, Path file) {
    }

    private ModelFile composed(List<String> roles) throws RenderException {
        List<ModelSpec> members = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (String member : roles) {
            members.add(session(member).spec());
            files.add(folder.resolve(ModelContracts.release().model(member).file()));
        }
        try {
            Path file = ComposedModels.file(members, files);
            return new ModelFile(ComposedModels.spec(members, file), file);
        } catch (IOException | IllegalArgumentException e) {
            throw new RenderException(ErrorKind.MODEL_MISMATCH, ComposedModels.role(roles) + " cannot be composed: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The session of {@code roles} (one model, or the chain {@link #chain} composes) in its batched
     * rewrite ({@link BatchAxis}), created on first use, for runs of several frames per call. Where the
     * model pins its batch axis, the model's own session: its runs take one frame, and the reason is
     * logged once.
     *
     * @throws RenderException {@link ErrorKind#MODEL_MISMATCH} when the model cannot be read or rewritten
     */
    public synchronized ModelSession batched(List<String> roles) throws RenderException {
        String role = ComposedModels.role(roles) + BATCHED;
        ModelSession s = sessions.get(role);
        if (s != null) {
            return s;
        }
        if (!unbatchable.contains(role)) {
            ModelFile source = roles.size() == 1 ? new ModelFile(session(roles.get(0)).spec(),
                    session(roles.get(0)).file()) : composed(roles);
            try {
                Optional<String> why = BatchedModels.whyNot(source.file());
                if (why.isEmpty()) {
                    s = ModelSession.open(source.spec(), BatchedModels.file(source.spec().role(), source.file()),
                            requested, true);
                    sessions.put(role, s);
                    return s;
                }
                LOG.info("{} runs one frame per call: {}", source.spec().role(), why.get());
                unbatchable.add(role);
            } catch (IOException | IllegalArgumentException e) {
                throw new RenderException(ErrorKind.MODEL_MISMATCH, source.spec().role() + " cannot be batched: "
                        + e.getMessage(), e);
            }
        }
        return roles.size() == 1 ? session(roles.get(0)) : chain(roles);
    }

    /**
     * What the results table records: the device every session runs on ({@code cpu}, {@code cuda:N},
     * {@code tensorrt:N}); sessions never run elsewhere than asked.
     */
    public String provider() {
        return requested.toString();
    }

    /** The TensorRT engine builds this set's sessions made on first use, by role. */
    public synchronized Map<String, Duration> engineBuilds() {
        Map<String, Duration> builds = new TreeMap<>();
        sessions.forEach((role, s) -> s.engineBuild().ifPresent(d -> builds.put(role, d)));
        return builds;
    }

    /** Frees every session's native memory; the set cannot be used afterwards. */
    @Override
    public synchronized void close() {
        closed = true;
        for (ModelSession s : sessions.values()) {
            try {
                s.close();
            } catch (OrtException e) {
                // the others still get closed; nothing more can be done about this one
                LOG.warn("cannot close the session of {}: {}", s.spec().role(), e.getMessage());
            }
        }
        sessions.clear();
    }
}
