package dittospark.engine;

import dittospark.errors.RenderException;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What a JVM loads once and keeps: model sets made local, by URI, and render engines with their model
 * sessions, one per model folder, config and device. The batch job's tasks, the UDFs and the render
 * and bench commands all use {@link #jvm()}, which closes when the JVM shuts down; tests make their own.
 *
 * <p>Calls are serialised: concurrent tasks of an executor asking for the same model set wait for the
 * one copy or load rather than making their own.
 */
public final class EngineRegistry implements AutoCloseable {
    private static EngineRegistry jvm;

    /** An engine, and whether this call loaded it (so that the caller can count loads). */
    public record Lease(RenderEngine engine, boolean loaded) {
    }

    /** Makes the model set at a URI available on local disk, verified. */
    @FunctionalInterface
    public interface Localizer {
        LocalModels localize(String uri) throws RenderException;
    }

    private record Key(Path models, Path config, String device, Composition composition, int batch) {
    }

    private final Map<String, LocalModels> localModels = new HashMap<>();
    private final Map<Key, RenderEngine> engines = new HashMap<>();
    private boolean closed;

    /** The JVM's registry, closed by a shutdown hook. */
    public static synchronized EngineRegistry jvm() {
        if (jvm == null) {
            EngineRegistry registry = new EngineRegistry();
            Runtime.getRuntime().addShutdownHook(new Thread(registry::close, "dittospark-engines-close"));
            jvm = registry;
        }
        return jvm;
    }

    /** The local copy of the model set at {@code uri}, made by {@code localizer} the first time only. */
    public synchronized LocalModels localModels(String uri, Localizer localizer) throws RenderException {
        checkOpen();
        LocalModels local = localModels.get(uri);
        if (local == null) {
            local = localizer.localize(uri);
            localModels.put(uri, local);
        }
        return local;
    }

    /**
     * The engine over the model folder {@code models} with {@code config} (null: the folder's default)
     * on {@code device}, built the first time only. It stays the registry's: callers do not close it.
     */
    public synchronized Lease engine(Path models, Path config, String device) throws RenderException {
        return engine(models, config, device, Composition.AUTO);
    }

    /**
     * The engine as {@link #engine(Path, Path, String)} gives it, with the warp and decoder composed as
     * {@code composition} says: renders on one engine share its sessions, whichever thread or task runs them.
     */
    public synchronized Lease engine(Path models, Path config, String device, Composition composition)
            throws RenderException {
        return engine(models, config, device, composition, 1);
    }

    /**
     * The engine as {@link #engine(Path, Path, String, Composition)} gives it, running {@code batch}
     * frames per warp and decoder call where the models take a batch.
     */
    public synchronized Lease engine(Path models, Path config, String device, Composition composition, int batch)
            throws RenderException {
        checkOpen();
        Key key = new Key(models.toAbsolutePath().normalize(),
                config == null ? null : config.toAbsolutePath().normalize(), device, composition, batch);
        RenderEngine engine = engines.get(key);
        if (engine != null) {
            return new Lease(engine, false);
        }
        engine = RenderEngine.builder().models(models).config(config).device(device).composition(composition)
                .batch(batch).build();
        engines.put(key, engine);
        return new Lease(engine, true);
    }

    /** Closes every engine, freeing their model sessions; the registry cannot be used afterwards. */
    @Override
    public synchronized void close() {
        closed = true;
        engines.values().forEach(RenderEngine::close);
        engines.clear();
        localModels.clear();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the engine registry is closed");
        }
    }
}
