package dittospark.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs per-frame stages on their own threads, joined by bounded queues, so that the stages of
 * consecutive frames overlap as the reference's worker threads do. The first failure in any stage
 * stops every stage and is rethrown as a {@link StageFailure}; no thread outlives {@link #run}.
 */
final class FramePipeline {
    /** One step applied to every frame, in frame order. */
    @FunctionalInterface
    interface Stage<I, O> {
        O apply(int frame, I input) throws Exception;
    }

    /** The last step: consumes frames in order, e.g. the encoder. */
    @FunctionalInterface
    interface Sink<I> {
        void accept(int frame, I input) throws Exception;
    }

    private record Item(int frame, Object value) {
    }

    private static final Item END = new Item(-1, null);

    private final String name;
    private final int queueCapacity;
    private final List<String> stageNames = new ArrayList<>();
    private final List<Stage<Object, Object>> stages = new ArrayList<>();
    private final Map<String, AtomicLong> nanos = new LinkedHashMap<>();

    FramePipeline(String name, int queueCapacity) {
        this.name = name;
        this.queueCapacity = queueCapacity;
    }

    @SuppressWarnings("unchecked")
    <I, O> FramePipeline then(String stageName, Stage<I, O> stage) {
        stageNames.add(stageName);
        stages.add((Stage<Object, Object>) stage);
        nanos.put(stageName, new AtomicLong());
        return this;
    }

    /** Wall seconds each stage spent working (not waiting), after {@link #run}. */
    Map<String, Double> stageSeconds() {
        Map<String, Double> out = new LinkedHashMap<>();
        nanos.forEach((k, v) -> out.put(k, v.get() / 1e9));
        return out;
    }

    /**
     * Feeds the frame numbers 0..frames-1 (as the first stage's input) through every stage into
     * {@code sink}, which runs on the calling thread. Returns when the sink has taken the last frame.
     */
    @SuppressWarnings("unchecked")
    <T> void run(int frames, String sinkName, Sink<T> sink) throws StageFailure {
        nanos.putIfAbsent(sinkName, new AtomicLong());
        AtomicReference<StageFailure> failure = new AtomicReference<>();
        List<BlockingQueue<Item>> queues = new ArrayList<>();
        for (int i = 0; i <= stages.size(); i++) {
            queues.add(new ArrayBlockingQueue<>(queueCapacity));
        }
        List<Thread> threads = new ArrayList<>();
        threads.add(thread("frames", () -> {
            for (int f = 0; f < frames && failure.get() == null; f++) {
                put(queues.get(0), new Item(f, f), failure);
            }
            put(queues.get(0), END, failure);
        }, failure));
        for (int s = 0; s < stages.size(); s++) {
            BlockingQueue<Item> in = queues.get(s);
            BlockingQueue<Item> out = queues.get(s + 1);
            Stage<Object, Object> stage = stages.get(s);
            String stageName = stageNames.get(s);
            threads.add(thread(stageName, () -> {
                while (true) {
                    Item item = take(in, failure);
                    if (item == null || item == END) {
                        put(out, END, failure);
                        return;
                    }
                    Object value = timed(stageName, item.frame(), failure, () -> stage.apply(item.frame(), item.value()));
                    if (failure.get() != null) {
                        put(out, END, failure);
                        return;
                    }
                    put(out, new Item(item.frame(), value), failure);
                }
            }, failure));
        }
        threads.forEach(Thread::start);
        try {
            BlockingQueue<Item> last = queues.get(stages.size());
            while (true) {
                Item item = take(last, failure);
                if (item == null || item == END) {
                    break;
                }
                timed(sinkName, item.frame(), failure, () -> {
                    sink.accept(item.frame(), (T) item.value());
                    return null;
                });
                if (failure.get() != null) {
                    break;
                }
            }
        } finally {
            if (failure.get() != null) {
                threads.forEach(Thread::interrupt);
            }
            joinAll(threads);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private interface Work {
        Object call() throws Exception;
    }

    private Object timed(String stage, int frame, AtomicReference<StageFailure> failure, Work work) {
        long t0 = System.nanoTime();
        try {
            return work.call();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.compareAndSet(null, new StageFailure(stage, frame, e));
            return null;
        } catch (Exception | Error e) {
            failure.compareAndSet(null, new StageFailure(stage, frame, e));
            return null;
        } finally {
            nanos.get(stage).addAndGet(System.nanoTime() - t0);
        }
    }

    private Thread thread(String stage, Runnable body, AtomicReference<StageFailure> failure) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, new StageFailure(stage, -1, e));
            }
        }, name + "-" + stage);
        t.setDaemon(true);
        return t;
    }

    /** Waits for the next item, giving up (null) once another stage has failed. */
    private static Item take(BlockingQueue<Item> queue, AtomicReference<StageFailure> failure) {
        try {
            while (failure.get() == null) {
                Item item = queue.poll(50, TimeUnit.MILLISECONDS);
                if (item != null) {
                    return item;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private static void put(BlockingQueue<Item> queue, Item item, AtomicReference<StageFailure> failure) {
        try {
            while (failure.get() == null) {
                if (queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void joinAll(List<Thread> threads) {
        boolean interrupted = false;
        for (Thread t : threads) {
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
