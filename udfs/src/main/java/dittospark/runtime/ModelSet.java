package dittospark.runtime;

import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import dittospark.files.LocalFiles;
import dittospark.models.ModelContracts;
import dittospark.models.ModelSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A model folder opened on one device. One instance per (folder, device) and JVM, shared by every
 * render on that JVM; each model's session is created on first use and kept.
 */
public final class ModelSet {
    private static final Map<Key, ModelSet> OPEN = new ConcurrentHashMap<>();
    private static final AtomicLong LOADS = new AtomicLong();

    private final Path folder;
    private final Device requested;
    private final Map<String, ModelSession> sessions = new ConcurrentHashMap<>();
    private volatile String hash;

    private record Key(Path folder, Device device) {
    }

    private ModelSet(Path folder, Device requested) {
        this.folder = folder;
        this.requested = requested;
    }

    /** The JVM's model set for this folder and device. */
    public static ModelSet shared(Path folder, Device device) throws RenderException {
        Path real;
        try {
            real = folder.toRealPath();
        } catch (IOException e) {
            throw new RenderException(ErrorKind.MODEL_MISMATCH, "model folder " + folder + " does not exist", e);
        }
        return OPEN.computeIfAbsent(new Key(real, device), k -> new ModelSet(k.folder(), k.device()));
    }

    /** How many model sessions this JVM has created: each model loads once per folder and device. */
    public static long loads() {
        return LOADS.get();
    }

    public Path folder() {
        return folder;
    }

    /** The session for a contract role, created on first use. */
    public ModelSession session(String role) throws RenderException {
        ModelSession s = sessions.get(role);
        if (s != null) {
            return s;
        }
        synchronized (this) {
            s = sessions.get(role);
            if (s == null) {
                ModelSpec spec = ModelContracts.release().model(role);
                Path file = folder.resolve(spec.file());
                if (!Files.isRegularFile(file)) {
                    throw new RenderException(ErrorKind.MODEL_MISMATCH, spec.role() + ": " + file + " is missing");
                }
                s = ModelSession.open(spec, file, requested);
                LOADS.incrementAndGet();
                sessions.put(role, s);
            }
            return s;
        }
    }

    /**
     * What the results table records: {@code cuda:N} when every session opened so far runs there,
     * otherwise {@code cpu}.
     */
    public String provider() {
        return sessions.values().stream().allMatch(s -> s.device().equals(requested)) ? requested.toString()
                : Device.CPU.toString();
    }

    /** SHA-256 over every contract file's path and bytes, computed once: names the model set in results. */
    public String hash() throws RenderException {
        if (hash == null) {
            try {
                MessageDigest digest = LocalFiles.sha256();
                for (ModelSpec spec : ModelContracts.release().models()) {
                    digest.update(spec.file().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    LocalFiles.digest(folder.resolve(spec.file()), digest);
                }
                hash = HexFormat.of().formatHex(digest.digest());
            } catch (IOException e) {
                throw new RenderException(ErrorKind.MODEL_MISMATCH, "cannot read the model set in " + folder, e);
            }
        }
        return hash;
    }
}
