package dittospark.engine;

import dittospark.errors.RenderException;
import dittospark.face.BlazeDetection;
import dittospark.face.BlazeFaceCodec;
import dittospark.face.CropMath;
import dittospark.face.ExtractorInput;
import dittospark.face.EyeAttributes;
import dittospark.face.FaceBox;
import dittospark.face.FaceMeshCodec;
import dittospark.face.FaceRoi;
import dittospark.face.FaceTracking;
import dittospark.face.HaarFaceLocator;
import dittospark.face.Landmark106Codec;
import dittospark.face.Landmark203Codec;
import dittospark.face.MediaPipeTracking;
import dittospark.face.ScrfdCodec;
import dittospark.image.Affine;
import dittospark.image.Image;
import dittospark.image.ImageOps;
import dittospark.models.FaceFrontend;
import dittospark.motion.MotionInfo;
import dittospark.motion.SourceSmoothing;
import dittospark.options.Options;
import dittospark.video.SourceKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Source registration (the reference's source handler): finds the face on the first frame, tracks
 * its landmarks through a video with the row's face front end, crops each frame around them and
 * extracts motion and eye state. Frames pass one at a time: only the transforms and the small
 * per-frame state stay.
 */
final class SourceRegistrar {
    static final int CROP = 512;

    private final DittoModels models;
    /** Null when the model set's own detector (SCRFD) locates faces. */
    private final HaarFaceLocator haar;

    private final FaceTracking reference = new ReferenceTracking();
    private final FaceTracking mediaPipe;

    SourceRegistrar(DittoModels models, HaarFaceLocator haar) {
        this.models = models;
        this.haar = haar;
        this.mediaPipe = new MediaPipeTracking(models, haar);
    }

    /**
     * Reads {@code frames} once, in order, holding only what each frame leaves behind.
     *
     * @param motionFrames how many leading frames of a video drive motion and appearance (0: all); the
     *                     rest are only located for put back (preserve-motion mode)
     */
    RegisteredSource register(SourceFrames frames, int motionFrames, RenderSettings s) throws RenderException {
        SourceKind kind = frames.kind();
        int drivingFrames = kind == SourceKind.VIDEO && motionFrames > 0 ? motionFrames : Integer.MAX_VALUE;
        List<Affine> c2o = new ArrayList<>();
        List<Affine> o2c = new ArrayList<>();
        List<MotionInfo> motion = new ArrayList<>();
        List<float[]> eyeOpen = new ArrayList<>();
        List<float[]> eyeBall = new ArrayList<>();
        FaceTracking tracking = tracking(s.get(Options.FACE_FRONTEND));
        float[] landmarks = null;
        EyeAttributes lastEyes = null;
        for (int j = 0; ; j++) {
            Optional<Image> next = frames.frame(j);
            if (next.isEmpty()) {
                break;
            }
            Image frame = next.get();
            landmarks = j == 0 ? tracking.first(frame) : tracking.next(frame, landmarks);
            CropMath.Transform t = CropMath.transform(landmarks, CROP, s.get(Options.CROP_SCALE),
                    s.get(Options.CROP_VX_RATIO), s.get(Options.CROP_VY_RATIO), s.get(Options.CROP_FLAG_DO_ROT));
            c2o.add(t.c2o());
            o2c.add(t.o2c());
            if (j < drivingFrames) {
                Image crop = crop(frame, t.o2c());
                motion.add(models.motion(ExtractorInput.of(crop)));
                lastEyes = eyes(crop).orElse(lastEyes);
                EyeAttributes e = lastEyes != null ? lastEyes : new EyeAttributes(new float[2], new float[6]);
                eyeOpen.add(e.eyeOpen());
                eyeBall.add(e.eyeBall());
            }
        }
        MotionInfo firstFrame = motion.get(0);
        if (kind == SourceKind.VIDEO) {
            motion = SourceSmoothing.smooth(motion, s.get(Options.SMO_K_S));
        }
        return new RegisteredSource(kind, frames, c2o, o2c, motion, firstFrame, eyeOpen.toArray(float[][]::new),
                eyeBall.toArray(float[][]::new));
    }

    /** The 512 crop of a frame, the same at registration and whenever the frame is read again. */
    static Image crop(Image frame, Affine o2c) {
        return ImageOps.warpAffine(frame, o2c, CROP, CROP);
    }

    /** The release's front end: 203 landmarks, found around the 106 of the located face, then frame to frame. */
    private final class ReferenceTracking implements FaceTracking {
        /** By the model set's detector (SCRFD) or the Haar cascade. */
        @Override
        public Optional<FaceBox> locate(Image frame) throws RenderException {
            if (haar != null) {
                return haar.largestFace(frame);
            }
            ScrfdCodec.Input in = ScrfdCodec.preprocess(frame);
            return ScrfdCodec.largest(ScrfdCodec.decode(models.scrfd(in.blob()), in.detScale()))
                    .map(ScrfdCodec.Detection::box);
        }

        @Override
        public float[] first(Image frame) throws RenderException {
            return landmark203(frame, firstLandmarks(frame));
        }

        @Override
        public float[] next(Image frame, float[] previous) throws RenderException {
            return landmark203(frame, previous);
        }

        private float[] landmark203(Image frame, float[] around) throws RenderException {
            Landmark203Codec.Input in = Landmark203Codec.preprocess(frame, around);
            return Landmark203Codec.postprocess(models.landmark203(in.blob()), in.c2o());
        }
    }

    /** Face box, then 106 landmarks, on the first frame: the start of 203-landmark tracking. */
    private float[] firstLandmarks(Image frame) throws RenderException {
        FaceBox box = reference.locate(frame).orElseThrow(() -> FaceTracking.noFace(frame));
        Landmark106Codec.Input in = Landmark106Codec.preprocess(frame, box);
        return Landmark106Codec.postprocess(models.landmark106(in.blob()), in.toCrop());
    }

    /** The largest face on {@code frame} as {@code frontend} finds it on a first frame. */
    Optional<FaceBox> locate(Image frame, FaceFrontend frontend) throws RenderException {
        return tracking(frontend).locate(frame);
    }

    private FaceTracking tracking(FaceFrontend frontend) {
        return frontend == FaceFrontend.MEDIAPIPE ? mediaPipe : reference;
    }

    /** Eye openness and gaze from the MediaPipe models; empty when BlazeFace sees no face in the crop. */
    private Optional<EyeAttributes> eyes(Image crop) throws RenderException {
        float[][] raw = models.blazeFace(BlazeFaceCodec.preprocess(crop));
        List<BlazeDetection> faces = BlazeFaceCodec.decode(raw[0], raw[1]);
        if (faces.isEmpty()) {
            return Optional.empty();
        }
        FaceRoi roi = FaceRoi.fromDetection(faces.get(0), crop.width(), crop.height());
        float[] mesh = models.faceMesh(FaceMeshCodec.preprocess(crop, roi));
        return Optional.of(EyeAttributes.fromLandmarks(FaceMeshCodec.landmarks(mesh, roi, crop.width(), crop.height())));
    }
}
