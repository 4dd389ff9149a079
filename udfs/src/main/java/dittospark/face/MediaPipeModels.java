package dittospark.face;

import dittospark.errors.RenderException;

/** The two MediaPipe models as plain calls: the eye conditions and the mediapipe front end share them. */
public interface MediaPipeModels {
    /** BlazeFace on its [1,128,128,3] input: {regressors [896*16], classificators [896]}. */
    float[][] blazeFace(float[] nhwc) throws RenderException;

    /** Face Mesh on its [1,256,256,3] input: the 478 x 3 points ({@code Identity}). */
    float[] faceMesh(float[] nhwc) throws RenderException;
}
