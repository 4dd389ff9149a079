package dittospark.engine;

import dittospark.audio.OfflineFeatures;
import dittospark.audio.OnlineFeatures;
import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import dittospark.media.AudioTrack;
import dittospark.media.DecodedAudio;
import dittospark.media.ModelRateStream;
import dittospark.media.Mp4Writer;
import dittospark.motion.OnlineMotion;
import dittospark.video.SourceKind;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * A streaming render in online mode: audio is pushed in pieces as it arrives, and frames are made and
 * encoded while it is still coming. The first push starts two threads: the motion thread turns the
 * speech-model audio into features and motion rows as windows complete, and the render thread runs the
 * frame stages (source, stitch, warp, decode, put back, encode) on each row as soon as it exists.
 * {@link #finish()} ends the audio, waits for the last frame and publishes the mp4; the video has
 * exactly ceil(seconds * 25) frames of the audio pushed. {@link #cancel()} (or closing an unfinished
 * session) stops every thread of the render and leaves no mp4; a live folder's files are removed. A
 * session of unknown length takes its thumbnail from its first frame, the middle being unknown then.
 *
 * <p>One thread pushes and finishes; {@link #cancel()} may come from any thread. A push after the
 * render failed throws its failure.
 */
public final class RenderSession implements AutoCloseable {
    private static final float[] END = new float[0];

    /** Runs the frame stages on the render thread, over the rows as they come. */
    @FunctionalInterface
    interface Frames {
        RenderEngine.Encoded render(AudioTrack audio, MotionRows rows) throws RenderException;
    }

    /** What the engine prepared for the session: the motion stream, and what the session closes. */
    record Setup(SourceKind kind, int width, int height, String provider, double padFront, double padBack,
                 OnlineFeatures features, OnlineMotion motion, Consumer<float[]> d0, Frames frames,
                 Map<String, Double> stages, AutoCloseable resources) {
    }

    private final Setup setup;
    private final long openedAt = System.nanoTime();
    private final MotionRows rows = new MotionRows();
    private final BlockingQueue<float[]> modelAudio = new LinkedBlockingQueue<>();
    private AudioTrack track;
    private ModelRateStream toModel;
    private long nativeFrames;
    private long audioNanos;
    private volatile long featureNanos;
    private volatile long motionNanos;
    private volatile int total = -1;
    private volatile Thread motionThread;
    private volatile Thread renderThread;
    private volatile RenderEngine.Encoded encoded;
    private volatile Throwable failure;
    private volatile boolean cancelled;
    private boolean ended;
    private volatile boolean closed;

    RenderSession(Setup setup) {
        this.setup = setup;
    }

    /**
     * Adds audio: {@code interleaved} samples of {@code channels} channels at {@code sampleRate}, the same
     * rate and channels at every push of a session. Returns at once; the work happens on the session's threads.
     */
    public synchronized void push(float[] interleaved, int sampleRate, int channels) throws RenderException {
        requireOpen();
        if (failure != null) {
            throw failed();
        }
        long t = System.nanoTime();
        if (track == null) {
            start(sampleRate, channels);
        } else if (sampleRate != track.sampleRate() || channels != track.channels()) {
            throw new IllegalArgumentException("audio of " + sampleRate + " Hz, " + channels + " channels pushed to a"
                    + " session of " + track.sampleRate() + " Hz, " + track.channels() + " channels");
        }
        append(interleaved);
        audioNanos += System.nanoTime() - t;
    }

    /**
     * Ends the audio (adding the back padding), waits for the last frame and publishes the video. An
     * interrupt while waiting cancels the session.
     */
    public RenderResult finish() throws RenderException {
        endAudio();
        if (total == 0) {
            cancel();
            throw new RenderException(ErrorKind.AUDIO_EMPTY, "the audio pushed to the session holds no samples");
        }
        try {
            renderThread.join();
        } catch (InterruptedException e) {
            cancel();
            throw cancelledError();
        }
        join(motionThread);
        if (cancelled) {
            throw cancelledError();
        }
        if (failure != null) {
            throw failed();
        }
        Map<String, Double> stages = new LinkedHashMap<>();
        stages.put("audio", audioNanos / 1e9);
        stages.putAll(setup.stages());
        stages.put("features", featureNanos / 1e9);
        stages.put("motion", motionNanos / 1e9);
        stages.putAll(encoded.stageSeconds());
        closeResources();
        return new RenderResult(setup.kind(), setup.width(), setup.height(), total,
                (double) nativeFrames / track.sampleRate(), (System.nanoTime() - openedAt) / 1e9, stages,
                setup.provider(), encoded.encoder(), encoded.written().bytes(), encoded.written().sha256(), encoded.thumbnailJpeg());
    }

    /** The back padding, the resampler's tail and the end of the stream, for the motion thread. */
    private synchronized void endAudio() throws RenderException {
        requireOpen();
        if (track == null) {
            throw new RenderException(ErrorKind.AUDIO_EMPTY, "no audio was pushed to the session");
        }
        long t = System.nanoTime();
        append(DecodedAudio.silence(track.sampleRate(), track.channels(), setup.padBack()).interleaved());
        float[] tail = toModel.finish();
        track.complete();
        total = frameCount(nativeFrames, track.sampleRate());
        modelAudio.add(tail);
        modelAudio.add(END);
        ended = true;
        audioNanos += System.nanoTime() - t;
    }

    private RenderException failed() {
        return failure instanceof RenderException r ? r
                : new RenderException(ErrorKind.INTERNAL, "the render failed: " + failure, failure);
    }

    /** Stops every thread of the render and removes what it wrote; {@link #finish()} then fails as cancelled. */
    public void cancel() {
        Thread[] threads;
        // no push can start the threads after this
        synchronized (this) {
            cancelled = true;
            threads = new Thread[] {motionThread, renderThread};
        }
        for (Thread t : threads) {
            if (t != null) {
                t.interrupt();
            }
        }
        join(threads[1]);
        join(threads[0]);
        closeResources();
    }

    /** Cancels a session that has not finished, and frees what it holds. */
    @Override
    public void close() {
        if (!closed) {
            cancel();
        }
    }

    private void start(int sampleRate, int channels) {
        track = new AudioTrack(sampleRate, channels);
        toModel = new ModelRateStream(sampleRate, channels);
        motionThread = new Thread(this::makeMotion, "render-motion");
        renderThread = new Thread(this::renderFrames, "render-session");
        motionThread.setDaemon(true);
        renderThread.setDaemon(true);
        motionThread.start();
        renderThread.start();
        append(DecodedAudio.silence(sampleRate, channels, setup.padFront()).interleaved());
    }

    private void append(float[] interleaved) {
        track.append(interleaved, 0, interleaved.length);
        float[] model = toModel.push(interleaved, 0, interleaved.length);
        nativeFrames += interleaved.length / track.channels();
        if (model.length > 0) {
            modelAudio.add(model);
        }
        rows.allow(Math.toIntExact(nativeFrames * Mp4Writer.FPS / track.sampleRate()));
    }

    /** The motion thread: features and rows as the audio's windows complete. */
    private void makeMotion() {
        boolean d0Given = false;
        int featureFrames = 0;
        int handedOut = 0;
        try {
            while (true) {
                float[] samples = modelAudio.take();
                long t = System.nanoTime();
                float[][] features = samples == END ? setup.features().finish() : setup.features().push(samples);
                long t1 = System.nanoTime();
                featureFrames += features.length;
                float[][] more = setup.motion().push(features);
                if (samples == END) {
                    more = concat(more, setup.motion().finish());
                }
                featureNanos += t1 - t;
                motionNanos += System.nanoTime() - t1;
                if (!d0Given && setup.motion().d0() != null) {
                    setup.d0().accept(setup.motion().d0());
                    d0Given = true;
                }
                rows.add(more);
                handedOut += more.length;
                if (samples == END && handedOut == 0) {
                    rows.fail(new RenderException(ErrorKind.BAD_OPTION, setup.motion().noRowsReason(featureFrames)));
                    return;
                }
                if (samples == END) {
                    rows.end(total);
                    return;
                }
            }
        } catch (InterruptedException e) {
            rows.fail(e);
        } catch (CancellationException e) {
            rows.fail(new InterruptedException(e.getMessage()));
        } catch (IllegalArgumentException e) {
            rows.fail(new RenderException(ErrorKind.BAD_OPTION, e.getMessage()));
        } catch (Exception | Error e) {
            rows.fail(e instanceof Exception x ? x : new RuntimeException(e));
        }
    }

    /** The render thread: the frame stages over the rows, into the mp4. */
    private void renderFrames() {
        try {
            encoded = setup.frames().render(track, rows);
        } catch (RenderException | RuntimeException | Error e) {
            failure = e;
            // nothing will take the motion any more
            motionThread.interrupt();
        }
    }

    /** The frames a video of {@code sampleFrames} sample frames at {@code sampleRate} has: ceil(seconds * 25). */
    static int frameCount(long sampleFrames, int sampleRate) {
        long modelSamples = sampleRate == DecodedAudio.MODEL_RATE ? sampleFrames
                : (sampleFrames * DecodedAudio.MODEL_RATE + sampleRate - 1) / sampleRate;
        return OfflineFeatures.frameCount(Math.toIntExact(modelSamples));
    }

    private RenderException cancelledError() {
        return new RenderException(ErrorKind.CANCELLED, "the render was cancelled");
    }

    private void requireOpen() {
        if (closed || ended || cancelled) {
            throw new IllegalStateException("the session has " + (cancelled ? "been cancelled" : "ended"));
        }
    }

    /** After any push in progress: the resampler is not freed under it. */
    private synchronized void closeResources() {
        if (closed) {
            return;
        }
        closed = true;
        if (toModel != null) {
            toModel.close();
        }
        try {
            setup.resources().close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot free the session's models and sources", e);
        }
    }

    private static void join(Thread t) {
        if (t != null) {
            FramePipeline.joinUninterruptibly(List.of(t));
        }
    }

    private static float[][] concat(float[][] a, float[][] b) {
        float[][] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
