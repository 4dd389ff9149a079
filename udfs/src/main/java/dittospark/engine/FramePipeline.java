package dittospark.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs per-frame stages on their own threads, joined by bounded queues, so that the stages of
 * consecutive frames overlap as the reference's worker threads do. A stage may have several workers,
 * each taking the next frame and handing its result on in frame order. The first failure in any stage
 * stops every stage and is rethrown as a {@link StageFailure}; no thread outlives {@link #run}. So does an
 * interrupt of the thread that runs it, as a failure whose cause is an {@link InterruptedException}.
 * A batched stage hands its worker up to B consecutive frames per call, for models that run several
 * frames at once.
 */
final class FramePipeline {
    /** One step applied to every frame; a worker closes its stage when it stops. */
    @FunctionalInterface
    interface Stage<I, O> extends AutoCloseable {
        O apply(int frame, I input) throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    /** Makes the stage of one worker, on that worker's thread: what it holds serves that thread only. */
    @FunctionalInterface
    interface Workers<I, O> {
        Stage<I, O> create() throws Exception;
    }

    /** One step applied to consecutive frames at once: one result per input, in the inputs' order. */
    @FunctionalInterface
    interface BatchStage<I, O> extends AutoCloseable {
        List<O> apply(int firstFrame, List<I> inputs) throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    /** Makes the batched stage of one worker, on that worker's thread. */
    @FunctionalInterface
    interface BatchWorkers<I, O> {
        BatchStage<I, O> create() throws Exception;
    }

    /** The frame numbers 0, 1, 2, ... of a stream whose length is known only at its end. */
    @FunctionalInterface
    interface Feed {
        /** The next frame number once its input exists, waiting for it; -1 after the last. A failure stops the pipeline. */
        int next() throws Exception;
    }

    /** The last step: consumes frames in order, e.g. the encoder. */
    @FunctionalInterface
    interface Sink<I> {
        void accept(int frame, I input) throws Exception;
    }

    private record Item(int frame, Object value) {
    }

    private record StageSpec(String name, int workers, int batch, BatchWorkers<Object, Object> factory) {
    }

    private static final Item END = new Item(-1, null);
    /** The thread that hands the frame numbers to the first stage; its waiting is not reported. */
    private static final String FEED = "frames";
    private static final long POLL_MS = 50;

    private final String name;
    private final int queueCapacity;
    private final List<StageSpec> stages = new ArrayList<>();
    private final Map<String, AtomicLong> nanos = new LinkedHashMap<>();

    FramePipeline(String name, int queueCapacity) {
        this.name = name;
        this.queueCapacity = queueCapacity;
    }

    /** A stage with one worker that holds nothing of its own. */
    <I, O> FramePipeline then(String stageName, Stage<I, O> stage) {
        return then(stageName, 1, () -> stage);
    }

    /** A stage of {@code workers} workers, each with the stage {@code factory} makes for it. */
    @SuppressWarnings("unchecked")
    <I, O> FramePipeline then(String stageName, int workers, Workers<I, O> factory) {
        return add(stageName, workers, 1, () -> {
            Stage<Object, Object> stage = (Stage<Object, Object>) factory.create();
            return new BatchStage<>() {
                @Override
                public List<Object> apply(int firstFrame, List<Object> inputs) throws Exception {
                    return Collections.singletonList(stage.apply(firstFrame, inputs.get(0)));
                }

                @Override
                public void close() throws Exception {
                    stage.close();
                }
            };
        });
    }

    /**
     * A stage of {@code workers} workers, each taking up to {@code batch} consecutive frames per call.
     * Where the frame count is known, a worker waits for a full batch (only the last one may be short);
     * with a {@link Feed} it waits for the first frame only and takes the rest that are already queued,
     * so that a live stream's latency does not grow.
     */
    @SuppressWarnings("unchecked")
    <I, O> FramePipeline thenBatched(String stageName, int workers, int batch, BatchWorkers<I, O> factory) {
        if (batch < 1) {
            throw new IllegalArgumentException("stage " + stageName + " needs a batch of at least one, got " + batch);
        }
        return add(stageName, workers, batch, () -> (BatchStage<Object, Object>) factory.create());
    }

    private FramePipeline add(String stageName, int workers, int batch, BatchWorkers<Object, Object> factory) {
        if (workers < 1) {
            throw new IllegalArgumentException("stage " + stageName + " needs at least one worker, got " + workers);
        }
        stages.add(new StageSpec(stageName, workers, batch, factory));
        nanos.put(stageName, new AtomicLong());
        return this;
    }

    /** Seconds each stage spent working (not waiting), summed over its workers, after {@link #run}. */
    Map<String, Double> stageSeconds() {
        Map<String, Double> out = new LinkedHashMap<>();
        nanos.forEach((k, v) -> {
            if (!k.equals(FEED)) {
                out.put(k, v.get() / 1e9);
            }
        });
        return out;
    }

    /**
     * Feeds the frame numbers 0..frames-1 (as the first stage's input) through every stage into
     * {@code sink}, which runs on the calling thread. Returns when the sink has taken the last frame.
     */
    <T> void run(int frames, String sinkName, Sink<T> sink) throws StageFailure {
        int[] next = {0};
        run(() -> next[0] < frames ? next[0]++ : -1, true, sinkName, sink);
    }

    /**
     * Feeds the frame numbers {@code feed} hands out, as it hands them out, through every stage into
     * {@code sink}, which runs on the calling thread. Returns when the sink has taken the last frame.
     */
    <T> void run(Feed feed, String sinkName, Sink<T> sink) throws StageFailure {
        run(feed, false, sinkName, sink);
    }

    @SuppressWarnings("unchecked")
    private <T> void run(Feed feed, boolean fullBatches, String sinkName, Sink<T> sink) throws StageFailure {
        nanos.putIfAbsent(sinkName, new AtomicLong());
        AtomicReference<StageFailure> failure = new AtomicReference<>();
        List<BlockingQueue<Item>> queues = new ArrayList<>();
        for (int i = 0; i <= stages.size(); i++) {
            queues.add(new ArrayBlockingQueue<>(queueCapacity));
        }
        List<Thread> threads = new ArrayList<>();
        nanos.putIfAbsent(FEED, new AtomicLong());
        threads.add(thread(FEED, () -> {
            while (failure.get() == null) {
                Integer f = (Integer) timed(FEED, -1, failure, feed::next);
                if (f == null || f < 0) {
                    break;
                }
                put(queues.get(0), new Item(f, f), failure);
            }
            put(queues.get(0), END, failure);
        }, failure));
        for (int s = 0; s < stages.size(); s++) {
            StageSpec spec = stages.get(s);
            OrderedHandOff handOff = new OrderedHandOff(queues.get(s + 1), spec.workers(), failure);
            BatchTaker in = new BatchTaker(queues.get(s), spec.batch(), fullBatches, failure);
            for (int w = 0; w < spec.workers(); w++) {
                String threadName = spec.workers() == 1 ? spec.name() : spec.name() + "-" + w;
                threads.add(thread(threadName, () -> work(spec, in, handOff, failure), failure));
            }
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
            if (Thread.currentThread().isInterrupted()) {
                failure.compareAndSet(null, new StageFailure(sinkName, -1, new InterruptedException("cancelled")));
            }
        } finally {
            if (failure.get() != null) {
                threads.forEach(Thread::interrupt);
            }
            joinUninterruptibly(threads);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    /**
     * The same stages and sink on the calling thread, one frame after the other through all of them
     * (a batched stage's frames a batch at a time): each stage's time is then its cost alone, with the
     * whole machine to itself, as the bench reports it.
     */
    @SuppressWarnings("unchecked")
    <T> void runInline(int frames, String sinkName, Sink<T> sink) throws StageFailure {
        nanos.putIfAbsent(sinkName, new AtomicLong());
        AtomicReference<StageFailure> failure = new AtomicReference<>();
        List<BatchStage<Object, Object>> open = new ArrayList<>();
        try {
            for (StageSpec spec : stages) {
                BatchStage<Object, Object> stage = (BatchStage<Object, Object>) timed(spec.name(), -1, failure,
                        spec.factory()::create);
                if (stage == null) {
                    break;
                }
                open.add(stage);
            }
            Inline<T> inline = new Inline<>(open, sinkName, sink, failure);
            for (int f = 0; f < frames && failure.get() == null; f++) {
                inline.feed(0, f, f);
            }
            for (int s = 0; s < open.size() && failure.get() == null; s++) {
                inline.flush(s);
            }
        } finally {
            for (int s = 0; s < open.size(); s++) {
                BatchStage<Object, Object> stage = open.get(s);
                timed(stages.get(s).name(), -1, failure, () -> {
                    stage.close();
                    return null;
                });
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    /**
     * The frames of an inline run, passed on as soon as each stage can take them: a batched stage
     * collects its batch first, and its results go on one by one, so that no later stage holds more
     * frames at once than it would in a threaded run.
     */
    private final class Inline<T> {
        private final List<BatchStage<Object, Object>> open;
        private final String sinkName;
        private final Sink<T> sink;
        private final AtomicReference<StageFailure> failure;
        private final List<List<Item>> pending = new ArrayList<>();

        Inline(List<BatchStage<Object, Object>> open, String sinkName, Sink<T> sink,
               AtomicReference<StageFailure> failure) {
            this.open = open;
            this.sinkName = sinkName;
            this.sink = sink;
            this.failure = failure;
            open.forEach(stage -> pending.add(new ArrayList<>()));
        }

        @SuppressWarnings("unchecked")
        void feed(int s, int frame, Object value) {
            if (failure.get() != null) {
                return;
            }
            if (s == open.size()) {
                timed(sinkName, frame, failure, () -> {
                    sink.accept(frame, (T) value);
                    return null;
                });
                return;
            }
            pending.get(s).add(new Item(frame, value));
            if (pending.get(s).size() == stages.get(s).batch()) {
                flush(s);
            }
        }

        @SuppressWarnings("unchecked")
        void flush(int s) {
            List<Item> items = List.copyOf(pending.get(s));
            pending.get(s).clear();
            if (items.isEmpty() || failure.get() != null) {
                return;
            }
            int first = items.get(0).frame();
            List<Object> inputs = items.stream().map(Item::value).toList();
            List<Object> values = (List<Object>) timed(stages.get(s).name(), first, failure,
                    () -> applied(stages.get(s), open.get(s), first, inputs));
            for (int k = 0; values != null && k < items.size(); k++) {
                feed(s + 1, items.get(k).frame(), values.get(k));
            }
        }
    }

    /** One worker of a stage: its own stage object, the next frames of the shared queue, results in order. */
    @SuppressWarnings("unchecked")
    private void work(StageSpec spec, BatchTaker in, OrderedHandOff out, AtomicReference<StageFailure> failure) {
        BatchStage<Object, Object> stage = (BatchStage<Object, Object>) timed(spec.name(), -1, failure,
                spec.factory()::create);
        try {
            while (stage != null && failure.get() == null) {
                List<Item> items = in.take();
                if (items.isEmpty()) {
                    return;
                }
                int first = items.get(0).frame();
                List<Object> inputs = items.stream().map(Item::value).toList();
                List<Object> values = (List<Object>) timed(spec.name(), first, failure,
                        () -> applied(spec, stage, first, inputs));
                for (int k = 0; k < items.size() && failure.get() == null; k++) {
                    out.put(new Item(items.get(k).frame(), values.get(k)));
                }
            }
        } finally {
            if (stage != null) {
                timed(spec.name(), -1, failure, () -> {
                    stage.close();
                    return null;
                });
            }
            out.workerDone();
        }
    }

    private static List<Object> applied(StageSpec spec, BatchStage<Object, Object> stage, int first,
                                        List<Object> inputs) throws Exception {
        List<Object> values = stage.apply(first, inputs);
        if (values.size() != inputs.size()) {
            throw new IllegalStateException("stage " + spec.name() + " gave " + values.size() + " results for "
                    + inputs.size() + " frames");
        }
        return values;
    }

    /**
     * Hands a stage's workers consecutive frames, up to a batch at a time: one worker gathers at a time,
     * so that no other takes a frame from the middle of its batch. Empty once the input has ended (the
     * end stays queued for the other workers) or another stage has failed.
     */
    private static final class BatchTaker {
        private final BlockingQueue<Item> in;
        private final int batch;
        private final boolean fullBatches;
        private final AtomicReference<StageFailure> failure;

        BatchTaker(BlockingQueue<Item> in, int batch, boolean fullBatches, AtomicReference<StageFailure> failure) {
            this.in = in;
            this.batch = batch;
            this.fullBatches = fullBatches;
            this.failure = failure;
        }

        synchronized List<Item> take() {
            List<Item> items = new ArrayList<>(batch);
            while (items.size() < batch) {
                Item item = items.isEmpty() || fullBatches ? FramePipeline.take(in, failure) : in.poll();
                if (item == null) {
                    break;
                }
                if (item == END) {
                    put(in, END, failure);
                    break;
                }
                items.add(item);
            }
            return items;
        }
    }

    /**
     * Passes a stage's results on in frame order, however its workers finish: frames come in as
     * 0, 1, 2, ..., so the worker with frame f waits until frame f-1 has been passed on. The last worker
     * to stop passes on the end.
     */
    private static final class OrderedHandOff {
        private final BlockingQueue<Item> out;
        private final AtomicReference<StageFailure> failure;
        private final AtomicInteger running;
        private int next;

        OrderedHandOff(BlockingQueue<Item> out, int workers, AtomicReference<StageFailure> failure) {
            this.out = out;
            this.failure = failure;
            this.running = new AtomicInteger(workers);
        }

        void put(Item item) {
            synchronized (this) {
                try {
                    while (next != item.frame() && failure.get() == null) {
                        wait(POLL_MS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            FramePipeline.put(out, item, failure);
            synchronized (this) {
                next++;
                notifyAll();
            }
        }

        void workerDone() {
            if (running.decrementAndGet() == 0) {
                FramePipeline.put(out, END, failure);
            }
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
                Item item = queue.poll(POLL_MS, TimeUnit.MILLISECONDS);
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
                if (queue.offer(item, POLL_MS, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits for every thread to end, even when this one is interrupted meanwhile (the interrupt is kept
     * for the caller): no thread of a render may outlive it.
     */
    static void joinUninterruptibly(List<Thread> threads) {
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
