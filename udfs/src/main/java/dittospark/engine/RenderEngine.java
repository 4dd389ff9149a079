package dittospark.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dittospark.audio.OfflineFeatures;
import dittospark.audio.OnlineFeatures;
import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import dittospark.face.ExtractorInput;
import dittospark.face.FaceBox;
import dittospark.face.HaarFaceLocator;
import dittospark.image.FloatImage;
import dittospark.image.FrameBuffer;
import dittospark.image.Image;
import dittospark.image.ResizeRule;
import dittospark.media.AudioDecoder;
import dittospark.media.AudioTrack;
import dittospark.media.DecodedAudio;
import dittospark.media.FramePool;
import dittospark.media.H264Encoders;
import dittospark.media.LiveFolder;
import dittospark.media.MiddleFrameThumbnail;
import dittospark.media.Mp4Writer;
import dittospark.media.SourceReader;
import dittospark.models.config.DittoConfig;
import dittospark.motion.Audio2Motion;
import dittospark.motion.ConditionBuilder;
import dittospark.motion.ConditionParts;
import dittospark.motion.DdimSampler;
import dittospark.motion.DdimSchedule;
import dittospark.motion.FrameControl;
import dittospark.motion.LegacyRandom;
import dittospark.motion.Mirror;
import dittospark.motion.MotionSettings;
import dittospark.motion.MotionStitch;
import dittospark.motion.MotionVector;
import dittospark.motion.OnlineMotion;
import dittospark.motion.StitchedKeypoints;
import dittospark.options.Options;
import dittospark.render.FaceMask;
import dittospark.render.PutBack;
import dittospark.runtime.Device;
import dittospark.runtime.ModelSet;
import dittospark.runtime.NativeTensor;
import dittospark.runtime.Predictor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.IntFunction;

/**
 * The Ditto pipeline, offline and online, over one model set on one device. Long-lived and thread-safe:
 * the engine owns its model sessions, loaded by the first render and kept until {@link #close}; each
 * {@link #render} call and each {@link RenderSession} runs its own stage threads. {@link EngineRegistry} keeps one engine per model
 * folder, config and device in a JVM.
 */
public final class RenderEngine implements AutoCloseable {
    /** The offline config of the release, in either form; the first that exists is used. */
    static final List<String> DEFAULT_CONFIGS = List.of("ditto_cfg/v0.4_hubert_cfg_trt.pkl",
            "ditto_cfg/v0.4_hubert_cfg_trt.json");
    private static final Logger LOG = LoggerFactory.getLogger(RenderEngine.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int QUEUE = 4;
    /** Frame buffers: one being filled, QUEUE on their way to the encoder, one being encoded. */
    private static final int FRAME_BUFFERS = QUEUE + 2;
    private static final String SPEECH_ENCODER_KEY = "w2f_type";
    private static final String HUBERT = "hubert";

    private final ModelSet modelSet;
    private final JsonNode config;
    private final HaarFaceLocator haar;
    private final Composition composition;
    private final int batch;

    private RenderEngine(ModelSet modelSet, JsonNode config, Composition composition, int batch) {
        this.modelSet = modelSet;
        this.config = config;
        this.composition = composition;
        this.batch = batch;
        this.haar = "opencv_haar".equals(config.path("face_detector").asText()) ? new HaarFaceLocator() : null;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Renders one pair; the mp4 appears at the request's output only when complete. */
    public RenderResult render(RenderRequest request, RenderProgress progress) throws RenderException {
        return render(request, progress, false);
    }

    /**
     * The same render, offline, with its frame stages one after the other on this thread, frame by frame:
     * each stage's seconds are then its cost alone, with the machine to itself (the bench's stage table).
     * An online render streams its frames as motion arrives, so its stages cannot be run alone.
     */
    RenderResult renderStagesAlone(RenderRequest request) throws RenderException {
        return render(request, RenderProgress.NONE, true);
    }

    private RenderResult render(RenderRequest request, RenderProgress progress, boolean stagesAlone)
            throws RenderException {
        long start = System.nanoTime();
        Map<String, Double> stages = new LinkedHashMap<>();
        RenderSettings s = RenderSettings.of(config.get(DittoConfig.DEFAULT_KWARGS), request.options());
        if (s.get(Options.ONLINE_MODE)) {
            if (stagesAlone) {
                throw new IllegalArgumentException("the stages of an online render cannot run alone");
            }
            return renderThroughSession(request, progress, s);
        }
        Sources sources = null;
        try (DittoModels models = new DittoModels(modelSet)) {
            long t = System.nanoTime();
            models.loadAll(s.get(Options.FACE_FRONTEND));
            DecodedAudio audio = AudioDecoder.decode(request.audio())
                    .padded(s.get(Options.AUDIO_PAD_FRONT_S), s.get(Options.AUDIO_PAD_BACK_S));
            float[] samples = audio.mono16k();
            int frames = OfflineFeatures.frameCount(samples.length);
            if (frames == 0) {
                throw new RenderException(ErrorKind.AUDIO_EMPTY, request.audio() + " holds no audio samples");
            }
            t = lap(stages, "audio", t);
            requireNotInterrupted();

            sources = registerSources(models, request.source(), s);
            RegisteredSource source = sources.source();
            ConditionSource drivers = sources.drivers();
            t = lap(stages, "register", t);
            requireNotInterrupted();

            float[][] features = new OfflineFeatures(models.speechEncoder()).extract(samples);
            t = lap(stages, "features", t);
            requireNotInterrupted();

            float[][] rows = motion(models, features, drivers, s, request.seed());
            lap(stages, "motion", t);
            requireNotInterrupted();

            MotionStitch stitch = stitch(models, s, source, drivers, frames, request.seed());
            Encoded encoded = renderFrames(models, new FrameOutput(request.output(), request.live().orElse(null),
                    FrameSink.NONE), progress, s, AudioTrack.of(audio), source, stitch, i -> rows[i], null,
                    rows.length, stagesAlone);
            stages.putAll(encoded.stageSeconds());
            return new RenderResult(source.kind(), source.width(), source.height(), frames, audio.seconds(),
                    (System.nanoTime() - start) / 1e9, stages, modelSet.provider(), encoded.encoder(),
                    encoded.written().bytes(), encoded.written().sha256(), encoded.thumbnailJpeg());
        } catch (DittoModels.ModelFailure e) {
            throw e.renderException();
        } catch (StageFailure e) {
            throw unwrap(e);
        } catch (CancellationException e) {
            throw new RenderException(ErrorKind.CANCELLED, "the render was cancelled (" + e.getMessage() + ")", e);
        } finally {
            if (sources != null) {
                sources.close();
            }
        }
    }

    /**
     * An online render of a whole file, as one client of a {@link RenderSession}: the decoded audio is
     * pushed in one piece and the session finished.
     */
    private RenderResult renderThroughSession(RenderRequest request, RenderProgress progress, RenderSettings s)
            throws RenderException {
        long start = System.nanoTime();
        DecodedAudio audio = AudioDecoder.decode(request.audio());
        double decodeSeconds = (System.nanoTime() - start) / 1e9;
        requireNotInterrupted();
        int frames = RenderSession.frameCount(audio.padded(s.get(Options.AUDIO_PAD_FRONT_S),
                s.get(Options.AUDIO_PAD_BACK_S)).frames(), audio.sampleRate());
        if (frames == 0) {
            throw new RenderException(ErrorKind.AUDIO_EMPTY, request.audio() + " holds no audio samples");
        }
        SessionRequest.Builder b = SessionRequest.builder().source(request.source()).output(request.output())
                .options(request.options()).seed(request.seed()).expectedFrames(frames);
        request.live().ifPresent(b::live);
        try (RenderSession session = openSession(b.build(), progress)) {
            session.push(audio.interleaved(), audio.sampleRate(), audio.channels());
            RenderResult r = session.finish();
            Map<String, Double> stages = new LinkedHashMap<>(r.stageSeconds());
            stages.merge("audio", decodeSeconds, Double::sum);
            return new RenderResult(r.sourceKind(), r.width(), r.height(), r.frames(), r.audioSeconds(),
                    (System.nanoTime() - start) / 1e9, stages, r.provider(), r.encoder(), r.outputBytes(), r.outputSha256(),
                    r.thumbnailJpeg());
        }
    }

    /**
     * Opens a streaming render in online mode (whatever {@code online_mode} says): the source is registered
     * and the models loaded before it returns; audio is then pushed to the session as it arrives.
     */
    public RenderSession openSession(SessionRequest request, RenderProgress progress) throws RenderException {
        Map<String, Double> stages = new LinkedHashMap<>();
        RenderSettings s = RenderSettings.of(config.get(DittoConfig.DEFAULT_KWARGS), request.options());
        DittoModels models = new DittoModels(modelSet);
        Sources sources = null;
        try {
            long t = System.nanoTime();
            models.loadAll(s.get(Options.FACE_FRONTEND));
            sources = registerSources(models, request.source(), s);
            RegisteredSource source = sources.source();
            ConditionSource drivers = sources.drivers();
            lap(stages, "register", t);

            MotionSettings settings = MotionSetup.motion(s);
            // the stream starts with the features of overlap_v2 frames of silence, as the offline path makes them
            float[][] leadIn = new OfflineFeatures(models.speechEncoder())
                    .extract(new float[settings.overlap() * OfflineFeatures.SAMPLES_PER_FRAME]);
            DdimSampler sampler = sampler(models, leadIn[0].length, s, request.seed());
            OnlineMotion motion = new OnlineMotion(Audio2Motion.online(sampler,
                    MotionVector.toVector(drivers.kpCond(), false), settings), conditionBuilder(drivers, s), leadIn);
            int frames = request.expectedFrames();
            MotionStitch stitch = stitch(models, s, source, drivers, frames, request.seed());
            FrameOutput output = new FrameOutput(request.output().orElse(null), request.live().orElse(null),
                    request.sink());
            RenderSession.Frames render = (audio, rows) -> {
                try {
                    return renderFrames(models, output, progress, s, audio, source, stitch, rows::row, rows,
                            frames, false);
                } catch (DittoModels.ModelFailure e) {
                    throw e.renderException();
                } catch (StageFailure e) {
                    throw unwrap(e);
                }
            };
            Sources registered = sources;
            return new RenderSession(new RenderSession.Setup(source.kind(), source.width(), source.height(),
                    modelSet.provider(), s.get(Options.AUDIO_PAD_FRONT_S), s.get(Options.AUDIO_PAD_BACK_S),
                    new OnlineFeatures(models.speechEncoder()), motion,
                    d0 -> stitch.useD0(MotionVector.fromVector(d0)), render, stages, () -> {
                        registered.close();
                        models.close();
                    }));
        } catch (DittoModels.ModelFailure e) {
            closeQuietly(sources);
            models.close();
            throw e.renderException();
        } catch (IllegalArgumentException e) {
            closeQuietly(sources);
            models.close();
            throw new RenderException(ErrorKind.BAD_OPTION, e.getMessage());
        } catch (RenderException | RuntimeException | Error e) {
            closeQuietly(sources);
            models.close();
            throw e;
        }
    }

    private static void requireNotInterrupted() throws RenderException {
        if (Thread.currentThread().isInterrupted()) {
            throw new RenderException(ErrorKind.CANCELLED, "the render was cancelled");
        }
    }

    private static void closeQuietly(Sources sources) {
        if (sources != null) {
            sources.close();
        }
    }

    /** The source and, with {@code ch_info}, the other avatar whose motion drives it; closing closes both. */
    private record Sources(RegisteredSource source, RegisteredSource other, ConditionSource drivers)
            implements AutoCloseable {
        @Override
        public void close() {
            source.close();
            if (other != null) {
                other.close();
            }
        }
    }

    /** Registers {@code file} and, where {@code ch_info} names one, the other avatar's source. */
    private Sources registerSources(DittoModels models, Path file, RenderSettings s) throws RenderException {
        SourceRegistrar registrar = new SourceRegistrar(models, haar);
        RegisteredSource source = register(registrar, file, s);
        try {
            RegisteredSource other = s.find(Options.CH_INFO).isPresent()
                    ? register(registrar, OtherSource.path(s.get(Options.CH_INFO)), s) : null;
            return new Sources(source, other, other != null ? ConditionSource.otherAvatar(other)
                    : ConditionSource.of(source));
        } catch (RenderException | RuntimeException | Error e) {
            source.close();
            throw e;
        }
    }

    /**
     * The face that registration starts from on the first frame of {@code source}, in the source's own
     * pixels (located at the size a render with default options loads it, by the default face front
     * end): a cheap check that a source will render. Empty when the frame shows no face.
     */
    public Optional<FaceBox> faceBox(Path source) throws RenderException {
        Image frame;
        try (SourceReader reader = SourceReader.open(source, 1)) {
            frame = reader.readAll().get(0);
        }
        RenderSettings s = RenderSettings.of(config.get(DittoConfig.DEFAULT_KWARGS), RenderOptions.none());
        Image loaded = ResizeRule.apply(frame, s.get(Options.MAX_SIZE));
        double sx = (double) frame.width() / loaded.width();
        double sy = (double) frame.height() / loaded.height();
        try (DittoModels models = new DittoModels(modelSet)) {
            return new SourceRegistrar(models, haar).locate(loaded, s.get(Options.FACE_FRONTEND))
                    .map(b -> new FaceBox((float) (b.x1() * sx), (float) (b.y1() * sy), (float) (b.x2() * sx),
                            (float) (b.y2() * sy)));
        }
    }

    /** One source registered on its own, as a render would: for checks of what registration keeps. */
    RegisteredSource register(Path file, RenderSettings s) throws RenderException {
        try (DittoModels models = new DittoModels(modelSet)) {
            return register(new SourceRegistrar(models, haar), file, s);
        } catch (DittoModels.ModelFailure e) {
            throw e.renderException();
        }
    }

    /** Registers the source's frames at their loading size, one at a time, keeping them open to read again. */
    private RegisteredSource register(SourceRegistrar registrar, Path file, RenderSettings s) throws RenderException {
        int template = s.get(Options.TEMPLATE_N_FRAMES);
        int limit = template > 0 ? template : s.get(Options.N_D);
        SourceFrames frames = SourceFrames.open(file, Math.max(limit, 0), s.get(Options.MAX_SIZE), sourceBudget());
        try {
            return registrar.register(frames, s.get(Options.MOTION_FRAMES), s);
        } catch (Throwable t) {
            frames.close();
            throw t;
        }
    }

    /**
     * A row's source frames (its blocks of frames read again, see {@link SourceFrames}) may take a
     * quarter of the JVM's heap: the frame pipeline, the model buffers and other rows on the same
     * executor need the rest.
     */
    static long sourceBudget() {
        return Runtime.getRuntime().maxMemory() / 4;
    }

    /** The offline motion of every output frame: all conditions at once, smoothed as a whole. */
    private float[][] motion(DittoModels models, float[][] features, ConditionSource drivers, RenderSettings s,
                             long seed) throws RenderException {
        DdimSampler sampler = sampler(models, features[0].length, s, seed);
        float[] sourceVector = MotionVector.toVector(drivers.kpCond(), false);
        try {
            return new Audio2Motion(sampler, sourceVector, MotionSetup.motion(s))
                    .offline(conditionBuilder(drivers, s).build(features, 0));
        } catch (IllegalArgumentException e) {
            throw new RenderException(ErrorKind.BAD_OPTION, e.getMessage());
        }
    }

    /** The seeded DDIM sampler over the LMDM whose conditions fit features of {@code featureWidth}. */
    private DdimSampler sampler(DittoModels models, int featureWidth, RenderSettings s, long seed)
            throws RenderException {
        int width = MotionSetup.parts(config.get(DittoConfig.AUDIO2MOTION_CFG), s).width(featureWidth);
        long modelWidth = models.conditionWidth(width);
        if (modelWidth != width) {
            throw new RenderException(ErrorKind.MODEL_MISMATCH, "lmdm_v0.4_hubert takes conditions of width "
                    + modelWidth + " but the config's use_* flags and the audio features give " + width);
        }
        return new DdimSampler(models.lmdm(width), new DdimSchedule(s.get(Options.SAMPLING_TIMESTEPS)),
                new LegacyRandom(seed), DittoModels.SEQ_FRAMES, DittoModels.MOTION_DIM);
    }

    /** The motion stitch of a render of {@code frames} output frames (-1: not known in advance). */
    private static MotionStitch stitch(DittoModels models, RenderSettings s, RegisteredSource source,
                                       ConditionSource drivers, int frames, long seed) throws RenderException {
        return MotionStitch.setup(MotionSetup.stitch(s, source.kind(), frames, seed, drivers.otherScale()),
                source.motion().get(0), s.get(Options.FLAG_STITCHING) ? models.stitcher() : null);
    }

    /** The LMDM's per-frame conditions [audio | emo | eye_open | eye_ball | sc] of the config's parts. */
    float[][] conditions(float[][] features, ConditionSource drivers, RenderSettings s) throws RenderException {
        return conditionBuilder(drivers, s).build(features, 0);
    }

    private ConditionBuilder conditionBuilder(ConditionSource drivers, RenderSettings s) throws RenderException {
        ConditionParts parts = MotionSetup.parts(config.get(DittoConfig.AUDIO2MOTION_CFG), s);
        return new ConditionBuilder(parts, MotionSetup.emotion(s), drivers.eyeOpen(), drivers.eyeBall(), drivers.sc());
    }

    /**
     * The source frame an output frame is put back into, and for a source of several driving frames the
     * crop of the one that drives it (a single driving frame's appearance is made once per render).
     */
    record SourceFrame(Image frame, int drivingFrame, Image crop) {
    }

    record Stitched(SourceFrame source, StitchedKeypoints keypoints) {
    }

    /** A stage's result on its way to put back, with the source frame it goes into. */
    record Along<T>(T value, Image frame) {
    }

    record Encoded(Map<String, Double> stageSeconds, Mp4Writer.Written written, String encoder,
                   byte[] thumbnailJpeg) {
    }

    /**
     * Where a render's frames go: the mp4 and a live folder (either may be null; without both the frames
     * are not encoded), and a sink that sees each frame.
     */
    private record FrameOutput(Path mp4, Path live, FrameSink sink) {
    }

    /**
     * Per output frame: read the source frames again, stitch, warp, decode and put back on stage threads,
     * the heavy ones with as many workers as the JVM's {@link ThreadBudget} gives a row; encode on this
     * one, keeping the middle frame for the thumbnail on the way. Put back fills the encoder's own frame
     * buffers, one for each frame that may be on its way to the encoder at once, in row strips on the
     * row's put-back threads. A video source whose motion comes from fewer frames than it puts back into
     * (motion_frames) is read twice at once.
     */
    private Encoded renderFrames(DittoModels models, FrameOutput output, RenderProgress progress, RenderSettings s,
                                 AudioTrack audio, RegisteredSource source, MotionStitch stitch,
                                 IntFunction<float[]> motion, FramePipeline.Feed feed, int frames,
                                 boolean stagesAlone) throws RenderException {
        ThreadBudget budget = ThreadBudget.jvm();
        Map<Integer, FrameControl> ctrl = MotionSetup.perFrame(s);
        FloatImage mask = FaceMask.forMode(s.get(Options.BLEND_MODE), s.get(Options.BLEND_ALPHA));
        int motionFrames = source.motionFrames();
        int allFrames = source.frameCount();
        // a single driving frame has one volume: made once, read in place by every warp worker
        NativeTensor volume = motionFrames == 1 ? models.appearance(ExtractorInput.of(
                SourceRegistrar.crop(source.frames().again(0), source.o2c().get(0)))) : null;
        SourceFrames driving = volume == null && motionFrames < allFrames ? source.frames().another() : null;
        FramePipeline pipeline = new FramePipeline("render", QUEUE)
                .<Integer, SourceFrame>then("source", (i, ignored) -> {
                    int j = Mirror.index(i, motionFrames);
                    Image frame = source.frames().again(Mirror.index(i, allFrames));
                    if (volume != null) {
                        return new SourceFrame(frame, j, null);
                    }
                    Image drivingFrame = driving != null ? driving.again(j) : frame;
                    return new SourceFrame(frame, j, SourceRegistrar.crop(drivingFrame, source.o2c().get(j)));
                })
                .<SourceFrame, Stitched>then("stitch", (i, sf) -> new Stitched(sf, stitch.apply(
                        source.motion().get(sf.drivingFrame()), MotionVector.fromVector(motion.apply(i)), i,
                        ctrl.getOrDefault(i, FrameControl.NONE))));
        warpAndDecode(pipeline, models, volume, budget, composition.composes(modelSet.device()), batch);
        MiddleFrameThumbnail thumbnail = new MiddleFrameThumbnail(frames);
        Mp4Writer.Encoding encoding = new Mp4Writer.Encoding(modelSet.device().isCuda() ? H264Encoders.forGpu()
                : H264Encoders.X264, s.get(Options.ENCODER_PRESET), budget.encoderThreads());
        Mp4Writer.Written written;
        try (LiveFolder live = output.live() == null ? null : LiveFolder.create(output.live(), progress::segmentWritten);
             driving; Mp4Writer writer = output.mp4() == null && live == null ? null : Mp4Writer.open(output.mp4(),
                source.width(), source.height(), audio, encoding, live);
             FramePool own = writer == null ? FramePool.of(source.width(), source.height(), FRAME_BUFFERS) : null;
             PutBack putBack = new PutBack(mask, budget.putBackThreads())) {
            FramePool buffers = writer != null ? writer.framePool(FRAME_BUFFERS) : own;
            pipeline.<Along<float[]>, FrameBuffer>then("putback", (i, decoded) -> {
                FrameBuffer buffer = buffers.take();
                putBack.apply(decoded.frame(), decoded.value(), source.c2o().get(Mirror.index(i, allFrames)), buffer);
                return buffer;
            });
            FramePipeline.Sink<FrameBuffer> encode = (i, buffer) -> {
                thumbnail.offer(i, buffer);
                if (output.sink() != FrameSink.NONE) {
                    output.sink().frame(i, buffer.toImage());
                }
                if (writer != null) {
                    writer.write(buffer);
                } else {
                    buffers.giveBack(buffer);
                }
                progress.framesWritten(i + 1, frames);
            };
            if (stagesAlone) {
                pipeline.runInline(frames, "encode", encode);
            } else if (feed == null) {
                pipeline.run(frames, "encode", encode);
            } else {
                pipeline.run(feed, "encode", encode);
            }
            written = writer != null ? writer.finish() : Mp4Writer.Written.NOTHING;
        }
        return new Encoded(pipeline.stageSeconds(), written, encoding.encoder(), jpegOrNull(thumbnail, output.mp4()));
    }

    /**
     * The warp and decode stages: the stitched keypoints of a frame into its decoded face crop
     * (3 x 512 x 512, CHW) along with its source frame; composed, one stage of one model call. Each
     * stage runs {@code batch} frames per call where its model takes a batch ({@link BatchedWarpDecode}).
     */
    private static void warpAndDecode(FramePipeline pipeline, DittoModels models, NativeTensor volume,
                                      ThreadBudget budget, boolean composed, int batch) throws RenderException {
        String warpName = composed ? "warp+decode" : "warp";
        int warpWorkers = budget.warpWorkers() + (composed ? budget.decodeWorkers() : 0);
        int warpBatch = models.batch(composed ? DittoModels.WARP_DECODE_CHAIN : DittoModels.WARP, batch);
        if (warpBatch > 1) {
            pipeline.thenBatched(warpName, warpWorkers, warpBatch,
                    () -> new BatchedWarpDecode.Warp(models, warpBatch, composed, volume));
        } else {
            pipeline.then(warpName, warpWorkers,
                    () -> new WarpWorker(composed ? models.warpDecoder() : models.warper(), models, volume));
        }
        int decodeBatch = composed ? 1 : models.batch(DittoModels.DECODER, batch);
        if (decodeBatch > 1) {
            pipeline.thenBatched("decode", budget.decodeWorkers(), decodeBatch,
                    () -> new BatchedWarpDecode.Decode(models, decodeBatch));
        } else if (!composed) {
            pipeline.<Along<float[]>, Along<float[]>>then("decode", budget.decodeWorkers(), () -> {
                    Predictor<float[], NativeTensor> decoder = models.decoder();
                    return new FramePipeline.Stage<>() {
                        @Override
                        public Along<float[]> apply(int i, Along<float[]> feature) throws Exception {
                            // a new array each frame: put back may still read the one before
                            float[] chw = new float[3 * SourceRegistrar.CROP * SourceRegistrar.CROP];
                            decoder.predict(feature.value()).get(chw);
                            return new Along<>(chw, feature.frame());
                        }

                        @Override
                        public void close() {
                            decoder.close();
                        }
                    };
                });
        }
    }

    /** A render is complete without its thumbnail: the contact sheet shows the row without a picture. */
    private static byte[] jpegOrNull(MiddleFrameThumbnail thumbnail, Path video) {
        try {
            return thumbnail.jpeg();
        } catch (IOException | RuntimeException e) {
            LOG.warn("no thumbnail of {}: {}", video, e.toString());
            return null;
        }
    }

    /**
     * One worker of the warp stage, or of the warp and decode composed (whose {@code warp} gives the
     * decoded face). The appearance volume is the render's one volume where the source
     * has a single driving frame; otherwise the worker extracts it from the frame's crop into its own
     * extractor's output, which its warp then reads in place, again only when the driving frame changes.
     */
    private static final class WarpWorker implements FramePipeline.Stage<Stitched, Along<float[]>> {
        private final NativeTensor sharedVolume;
        private final Predictor<ModelTranslators.WarpInput, float[]> warp;
        private final Predictor<float[], NativeTensor> appearance;
        private int frame = -1;
        private NativeTensor volume;

        WarpWorker(Predictor<ModelTranslators.WarpInput, float[]> warp, DittoModels models, NativeTensor sharedVolume)
                throws RenderException {
            this.sharedVolume = sharedVolume;
            this.warp = warp;
            try {
                this.appearance = sharedVolume == null ? models.appearanceWorker() : null;
            } catch (RenderException | RuntimeException e) {
                warp.close();
                throw e;
            }
        }

        @Override
        public Along<float[]> apply(int i, Stitched st) throws RenderException {
            return new Along<>(warp.predict(new ModelTranslators.WarpInput(volume(st.source()),
                    st.keypoints().source(), st.keypoints().driving())), st.source().frame());
        }

        private NativeTensor volume(SourceFrame source) throws RenderException {
            if (sharedVolume != null) {
                return sharedVolume;
            }
            if (source.drivingFrame() != frame) {
                volume = appearance.predict(ExtractorInput.of(source.crop()));
                frame = source.drivingFrame();
            }
            return volume;
        }

        @Override
        public void close() {
            warp.close();
            if (appearance != null) {
                appearance.close();
            }
        }
    }

    private static RenderException unwrap(StageFailure failure) {
        Throwable cause = failure.getCause();
        String where = "stage '" + failure.stage() + "'" + (failure.frame() >= 0 ? " at frame " + failure.frame() : "");
        if (cause instanceof DittoModels.ModelFailure m) {
            cause = m.renderException();
        }
        if (cause instanceof InterruptedException) {
            return new RenderException(ErrorKind.CANCELLED, "the render was cancelled (" + where + ")", cause);
        }
        if (cause instanceof RenderException r) {
            return new RenderException(r.kind(), where + ": " + r.getMessage(), r);
        }
        return new RenderException(ErrorKind.INTERNAL, where + ": " + cause, cause);
    }

    private static long lap(Map<String, Double> stages, String stage, long since) {
        long now = System.nanoTime();
        stages.put(stage, (now - since) / 1e9);
        return now;
    }

    /** How long each model's TensorRT engine took to build on first use, by role; empty without TensorRT. */
    public Map<String, Duration> engineBuilds() {
        return modelSet.engineBuilds();
    }

    /** Frees the model sessions and the face cascade; see {@link EngineRegistry} for who closes engines. */
    @Override
    public void close() {
        modelSet.close();
        if (haar != null) {
            haar.close();
        }
    }

    /**
     * The pipeline runs the HuBERT speech encoder; a config made for another one (the reference's WavLM
     * configs) would feed its LMDM features it was not trained on, so it is refused before any model loads.
     */
    private static void requireHubert(JsonNode config, Path file) throws RenderException {
        JsonNode type = config.path(DittoConfig.AUDIO2MOTION_CFG).path(SPEECH_ENCODER_KEY);
        if (!type.isMissingNode() && !type.isNull() && !HUBERT.equals(type.asText())) {
            throw new RenderException(ErrorKind.MODEL_MISMATCH, "config " + file + " names the speech encoder '"
                    + type.asText() + "' (" + DittoConfig.AUDIO2MOTION_CFG + "." + SPEECH_ENCODER_KEY
                    + "); only '" + HUBERT + "' is supported: use a HuBERT config of the release"
                    + " (ditto_cfg/v0.4_hubert_cfg_trt.pkl)");
        }
    }

    public static final class Builder {
        private Path models;
        private Path config;
        private String device = "cpu";
        private Composition composition = Composition.AUTO;
        private int batch = 1;

        /** The model folder on local disk: {@code ditto_onnx/} and {@code ditto_cfg/} inside. */
        public Builder models(Path models) {
            this.models = models;
            return this;
        }

        /** A config (pickle or JSON) other than the folder's default offline one. */
        public Builder config(Path config) {
            this.config = config;
            return this;
        }

        /**
         * {@code cpu}, {@code cuda:N} or {@code tensorrt:N}; renders on a GPU that cannot be used fail with
         * {@code DEVICE_UNAVAILABLE} rather than run on the CPU.
         */
        public Builder device(String device) {
            this.device = device;
            return this;
        }

        /** Whether the warp and the decoder run composed into one graph; {@code auto}: on GPUs. */
        public Builder composition(Composition composition) {
            this.composition = Objects.requireNonNull(composition);
            return this;
        }

        /**
         * Frames per call of the warp and decoder (or both composed) where the model takes a batch; one
         * frame per call, and the reason logged once, where a model pins its batch axis.
         */
        public Builder batch(int batch) {
            if (batch < 1) {
                throw new IllegalArgumentException("the batch must be at least 1, got " + batch);
            }
            this.batch = batch;
            return this;
        }

        public RenderEngine build() throws RenderException {
            Objects.requireNonNull(models, "models folder is required");
            Device parsed;
            try {
                parsed = Device.parse(device);
            } catch (IllegalArgumentException e) {
                throw new RenderException(ErrorKind.BAD_OPTION, e.getMessage());
            }
            Path file = config != null ? config : DEFAULT_CONFIGS.stream().map(models::resolve)
                    .filter(Files::isRegularFile).findFirst()
                    .orElseThrow(() -> new RenderException(ErrorKind.MODEL_MISMATCH, "no config in " + models
                            + " (expected one of " + DEFAULT_CONFIGS + ")"));
            JsonNode json;
            try {
                json = JSON.readTree(DittoConfig.read(file).toJson());
            } catch (IOException | RuntimeException e) {
                throw new RenderException(ErrorKind.MODEL_MISMATCH, "config " + file + " is unreadable: "
                        + e.getMessage(), e);
            }
            requireHubert(json, file);
            return new RenderEngine(ModelSet.open(models, parsed), json, composition, batch);
        }
    }
}
