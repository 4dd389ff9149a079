package dittospark.media;

import dittospark.errors.RenderException;
import dittospark.image.Image;
import dittospark.video.SourceInfo;
import dittospark.video.SourceKind;

import java.nio.file.Path;

/** Kind, size, frame count and rate of a source, read from its header (a picture is decoded: that is cheap). */
public final class SourceProbe {
    private SourceProbe() {
    }

    public static SourceInfo probe(Path source) throws RenderException {
        if (SourceReader.isImage(source)) {
            Image image = SourceReader.readImage(source);
            return new SourceInfo(SourceKind.IMAGE, image.width(), image.height(), 1, 0);
        }
        try (VideoFile video = VideoFile.open(source)) {
            return new SourceInfo(SourceKind.VIDEO, video.width(), video.height(), video.declaredFrames(), video.fps());
        }
    }
}
