package dittospark.models;

import java.util.Arrays;
import java.util.List;

/**
 * How a render finds the face and its crop anchors, and which models that takes. {@code reference}
 * is the release's path (SCRFD, 106 and 203 landmarks); {@code mediapipe} uses only BlazeFace and
 * Face Mesh, whose licence allows commercial use, so a folder for it may leave out the models that
 * {@code contracts.json} marks as needed by the reference front end alone.
 */
public enum FaceFrontend {
    REFERENCE("reference"),
    MEDIAPIPE("mediapipe");

    private final String id;

    FaceFrontend(String id) {
        this.id = id;
    }

    /** The name used in options and on the command line. */
    public String id() {
        return id;
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(FaceFrontend::id).toList();
    }

    public static FaceFrontend of(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown face front end '" + id + "'; use one of " + ids()));
    }
}
