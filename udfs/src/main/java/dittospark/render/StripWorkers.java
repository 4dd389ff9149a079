package dittospark.render;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one piece of work as one strip per thread at once: strip 0 on the calling thread, the others on
 * workers kept for the purpose; returns when all are done, and rethrows the failure of any.
 */
final class StripWorkers implements AutoCloseable {
    /** Strip {@code index} of {@code count}. */
    @FunctionalInterface
    interface Strip {
        void run(int index, int count);
    }

    private final int count;
    private final ExecutorService workers;

    StripWorkers(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("put back needs at least one thread, got " + threads);
        }
        this.count = threads;
        AtomicInteger made = new AtomicInteger();
        this.workers = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "putback-strip-" + made.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    void run(Strip strip) throws InterruptedException {
        List<Future<?>> others = new ArrayList<>(count - 1);
        for (int k = 1; k < count; k++) {
            int index = k;
            others.add(workers.submit(() -> strip.run(index, count)));
        }
        try {
            strip.run(0, count);
            for (Future<?> other : others) {
                other.get();
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            others.forEach(f -> f.cancel(true));
        }
    }

    /** The first of {@code n} items that strip {@code index} of {@code count} takes: an even share. */
    static int evenStart(int n, int index, int count) {
        return (int) ((long) n * index / count);
    }

    @Override
    public void close() {
        if (workers != null) {
            workers.shutdownNow();
        }
    }
}
