package dittospark.video;

/** Whether a source is a still picture or a video; decided by content, not by file name. */
public enum SourceKind {
    IMAGE, VIDEO
}
