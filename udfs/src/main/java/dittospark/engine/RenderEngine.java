package dittospark.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dittospark.audio.OfflineFeatures;
import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import dittospark.face.ExtractorInput;
import dittospark.face.FaceBox;
import dittospark.face.HaarFaceLocator;
import dittospark.image.FrameBuffer;
import dittospark.image.Image;
import dittospark.image.ResizeRule;
import dittospark.media.AudioDecoder;
import dittospark.media.DecodedAudio;
import dittospark.media.FramePool;
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
import dittospark.motion.MotionKey;
import dittospark.motion.MotionStitch;
import dittospark.motion.MotionVector;
import dittospark.motion.StitchedKeypoints;
import dittospark.options.Options;
import dittospark.render.FaceMask;
import dittospark.render.PutBack;
import dittospark.runtime.Device;
import dittospark.runtime.ModelSet;
import dittospark.video.SourceKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Ditto offline pipeline over one model set on one device. Long-lived and thread-safe: the
 * engine owns its model sessions, loaded by the first render and kept until {@link #close}; each
 * {@link #render} call runs its own stage threads. {@link EngineRegistry} keeps one engine per model
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

    private final ModelSet modelSet;
    private final DittoModels models;
    private final JsonNode config;
    private final HaarFaceLocator haar;
    private final SourceRegistrar registrar;

    private RenderEngine(ModelSet modelSet, JsonNode config) {
        this.modelSet = modelSet;
        this.models = new DittoModels(modelSet);
        this.config = config;
        this.haar = "opencv_haar".equals(config.path("face_detector").asText()) ? new HaarFaceLocator() : null;
        this.registrar = new SourceRegistrar(models, haar);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Renders one pair; the mp4 appears at the request's output only when complete. */
    public RenderResult render(RenderRequest request, RenderProgress progress) throws RenderException {
        long start = System.nanoTime();
        Map<String, Double> stages = new LinkedHashMap<>();
        RenderSettings s = RenderSettings.of(config.get(DittoConfig.DEFAULT_KWARGS), request.options());
        try {
            long t = System.nanoTime();
            models.loadAll();
            DecodedAudio audio = AudioDecoder.decode(request.audio())
                    .padded(s.get(Options.AUDIO_PAD_FRONT_S), s.get(Options.AUDIO_PAD_BACK_S));
            float[] samples = audio.mono16k();
            int frames = OfflineFeatures.frameCount(samples.length);
            if (frames == 0) {
                throw new RenderException(ErrorKind.AUDIO_EMPTY, request.audio() + " holds no audio samples");
            }
            t = lap(stages, "audio", t);

            RegisteredSource source = register(request.source(), s);
            t = lap(stages, "register", t);

            float[][] features = new OfflineFeatures(models.speechEncoder()).extract(samples);
            t = lap(stages, "features", t);

            float[][] motion = motion(features, source, s, request.seed());
            lap(stages, "motion", t);

            Encoded encoded = renderFrames(request, progress, s, audio, source, motion);
            stages.putAll(encoded.stageSeconds());
            return new RenderResult(source.kind(), source.width(), source.height(), frames, audio.seconds(),
                    (System.nanoTime() - start) / 1e9, stages, modelSet.provider(), encoded.written().bytes(),
                    encoded.written().sha256(), encoded.thumbnailJpeg());
        } catch (DittoModels.ModelFailure e) {
            throw e.renderException();
        } catch (StageFailure e) {
            throw unwrap(e);
        }
    }

    /**
     * The face that registration starts from on the first frame of {@code source}, in the source's own
     * pixels (located at the size a render with default options loads it): a cheap check that a source
     * will render. Empty when the frame shows no face.
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
        return registrar.locate(loaded).map(b -> new FaceBox((float) (b.x1() * sx), (float) (b.y1() * sy),
                (float) (b.x2() * sx), (float) (b.y2() * sy)));
    }

    /**
     * Reads the source's frames at their loading size, one at a time so that only one frame is ever held
     * at the file's own size, and within {@link #sourceBudget}.
     */
    private RegisteredSource register(Path file, RenderSettings s) throws RenderException {
        int limit = s.get(Options.TEMPLATE_N_FRAMES);
        List<Image> frames = new ArrayList<>();
        SourceKind kind;
        long budget = sourceBudget();
        long held = 0;
        try (SourceReader reader = SourceReader.open(file, Math.max(limit, 0))) {
            kind = reader.kind();
            for (Optional<Image> frame = reader.next(); frame.isPresent(); frame = reader.next()) {
                Image loaded = ResizeRule.apply(frame.get(), s.get(Options.MAX_SIZE));
                held += 3L * loaded.width() * loaded.height();
                if (held > budget) {
                    throw new RenderException(ErrorKind.TOO_LARGE, "the source " + file + " needs more than "
                            + budget / (1 << 20) + " MB for its frames (" + frames.size() + " frames of " + loaded.width()
                            + "x" + loaded.height() + " and more), the most one row may hold; use fewer frames"
                            + " (template_n_frames), a smaller max_size, or give the JVM more memory");
                }
                frames.add(loaded);
            }
            if (frames.isEmpty()) {
                throw new RenderException(ErrorKind.SOURCE_UNREADABLE, "cannot read source " + file + ": it has no frames");
            }
        }
        int motionFrames = s.get(Options.MOTION_FRAMES);
        int used = kind == SourceKind.VIDEO && motionFrames > 0 ? Math.min(motionFrames, frames.size()) : frames.size();
        return registrar.register(kind, frames, used, s);
    }

    /**
     * A row's source frames may take a quarter of the JVM's heap: the frame pipeline, the model
     * buffers and other rows on the same executor need the rest.
     */
    static long sourceBudget() {
        return Runtime.getRuntime().maxMemory() / 4;
    }

    private float[][] motion(float[][] features, RegisteredSource source, RenderSettings s, long seed)
            throws RenderException {
        ConditionParts parts = MotionSetup.parts(config.get(DittoConfig.AUDIO2MOTION_CFG), s);
        int width = parts.width(features[0].length);
        long modelWidth = models.conditionWidth(width);
        if (modelWidth != width) {
            throw new RenderException(ErrorKind.MODEL_MISMATCH, "lmdm_v0.4_hubert takes conditions of width "
                    + modelWidth + " but the config's use_* flags and the audio features give " + width);
        }
        float[][] cond = new ConditionBuilder(parts, MotionSetup.emotion(s), source.eyeOpen(), source.eyeBall(),
                source.motion().get(0).get(MotionKey.KP)).build(features, 0);
        DdimSampler sampler = new DdimSampler(models.lmdm(width), new DdimSchedule(s.get(Options.SAMPLING_TIMESTEPS)),
                new LegacyRandom(seed), DittoModels.SEQ_FRAMES, DittoModels.MOTION_DIM);
        float[] sourceVector = MotionVector.toVector(source.motion().get(0), false);
        try {
            return new Audio2Motion(sampler, sourceVector, MotionSetup.motion(s)).offline(cond);
        } catch (IllegalArgumentException e) {
            throw new RenderException(ErrorKind.BAD_OPTION, e.getMessage());
        }
    }

    private record Stitched(int sourceFrame, StitchedKeypoints keypoints) {
    }

    private record Encoded(Map<String, Double> stageSeconds, Mp4Writer.Written written, byte[] thumbnailJpeg) {
    }

    /**
     * Per output frame: stitch, warp, decode and put back on stage threads; encode on this one, keeping
     * the middle frame for the thumbnail on the way. Put back fills the encoder's own frame buffers, one for
     * each frame that may be on its way to the encoder at once.
     */
    private Encoded renderFrames(RenderRequest request, RenderProgress progress, RenderSettings s,
                                             DecodedAudio audio, RegisteredSource source, float[][] motion)
            throws RenderException {
        int frames = motion.length;
        MotionStitch stitch = MotionStitch.setup(MotionSetup.stitch(s, source.kind(), frames, request.seed()),
                source.motion().get(0), s.get(Options.FLAG_STITCHING) ? models.stitcher() : null);
        Map<Integer, FrameControl> ctrl = MotionSetup.perFrame(s);
        AppearanceCache appearance = new AppearanceCache(source);
        int motionFrames = source.motionFrames();
        int allFrames = source.frames().size();
        FramePipeline pipeline = new FramePipeline("render", QUEUE)
                .<Integer, Stitched>then("stitch", (i, ignored) -> {
                    int j = Mirror.index(i, motionFrames);
                    return new Stitched(j, stitch.apply(source.motion().get(j), MotionVector.fromVector(motion[i]), i,
                            ctrl.getOrDefault(i, FrameControl.NONE)));
                })
                .<Stitched, float[]>then("warp", (i, st) -> models.warp(appearance.of(st.sourceFrame()),
                        st.keypoints().source(), st.keypoints().driving()))
                .<float[], float[]>then("decode", (i, feature) -> models.decode(feature));
        MiddleFrameThumbnail thumbnail = new MiddleFrameThumbnail(frames);
        Mp4Writer.Written written;
        try (Mp4Writer writer = Mp4Writer.open(request.output(), source.width(), source.height(), audio);
             PutBack putBack = new PutBack(FaceMask.forMode(s.get(Options.BLEND_MODE), s.get(Options.BLEND_ALPHA)))) {
            FramePool buffers = writer.framePool(FRAME_BUFFERS);
            pipeline.<float[], FrameBuffer>then("putback", (i, decoded) -> {
                int k = Mirror.index(i, allFrames);
                FrameBuffer buffer = buffers.take();
                putBack.apply(source.frames().get(k), decoded, source.c2o().get(k), buffer);
                return buffer;
            });
            pipeline.<FrameBuffer>run(frames, "encode", (i, buffer) -> {
                thumbnail.offer(i, buffer);
                writer.write(buffer);
                progress.framesWritten(i + 1, frames);
            });
            written = writer.finish();
        }
        return new Encoded(pipeline.stageSeconds(), written, jpegOrNull(thumbnail, request.output()));
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

    /** f_s of the source frame being warped: computed once for a picture, per frame for a video. */
    private final class AppearanceCache {
        private final RegisteredSource source;
        private int frame = -1;
        private float[] volume;

        AppearanceCache(RegisteredSource source) {
            this.source = source;
        }

        float[] of(int sourceFrame) throws RenderException {
            if (sourceFrame != frame) {
                volume = models.appearance(ExtractorInput.of(source.crops().get(sourceFrame)));
                frame = sourceFrame;
            }
            return volume;
        }
    }

    private static RenderException unwrap(StageFailure failure) {
        Throwable cause = failure.getCause();
        String where = "stage '" + failure.stage() + "'" + (failure.frame() >= 0 ? " at frame " + failure.frame() : "");
        if (cause instanceof DittoModels.ModelFailure m) {
            cause = m.renderException();
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

    /** Frees the model sessions and the face cascade; see {@link EngineRegistry} for who closes engines. */
    @Override
    public void close() {
        modelSet.close();
        if (haar != null) {
            haar.close();
        }
    }

    public static final class Builder {
        private Path models;
        private Path config;
        private String device = "cpu";

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

        /** {@code cpu} or {@code cuda:N}; CUDA falls back to CPU with a warning where unavailable. */
        public Builder device(String device) {
            this.device = device;
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
            return new RenderEngine(ModelSet.open(models, parsed), json);
        }
    }
}
