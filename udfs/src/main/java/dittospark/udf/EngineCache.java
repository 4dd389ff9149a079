package dittospark.udf;

import dittospark.engine.RenderEngine;
import dittospark.errors.RenderException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The render engines of this JVM, one per (model set, device): tasks of an executor share them, so a
 * model set is loaded once per executor and device however many rows and partitions it renders.
 * Engines live until the JVM exits.
 */
public final class EngineCache {
    private record Key(String modelHash, String device) {
    }

    /** An engine, and whether this call loaded it (so that the caller can count loads). */
    public record Lease(RenderEngine engine, boolean loaded) {
    }

    private static final Map<Key, RenderEngine> ENGINES = new ConcurrentHashMap<>();
    private static final AtomicLong LOADS = new AtomicLong();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ENGINES.values().forEach(RenderEngine::close),
                "dittospark-engines-close"));
    }

    private EngineCache() {
    }

    public static Lease engine(LocalModels models, String device) throws RenderException {
        Key key = new Key(models.hash(), device);
        RenderEngine cached = ENGINES.get(key);
        if (cached != null) {
            return new Lease(cached, false);
        }
        synchronized (EngineCache.class) {
            cached = ENGINES.get(key);
            if (cached != null) {
                return new Lease(cached, false);
            }
            RenderEngine engine = RenderEngine.builder().models(models.folder()).device(device).build();
            ENGINES.put(key, engine);
            LOADS.incrementAndGet();
            return new Lease(engine, true);
        }
    }

    /** How many engines this JVM has loaded. */
    public static long loads() {
        return LOADS.get();
    }
}
