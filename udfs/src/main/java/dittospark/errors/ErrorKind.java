package dittospark.errors;

/** Stable classification of why a row did not render; written to the results table as {@code error_kind}. */
public enum ErrorKind {
    /** The source file is missing, not an image or video we can decode, or has no frames. */
    SOURCE_UNREADABLE,
    /** The audio file is missing or cannot be decoded. */
    AUDIO_UNREADABLE,
    /** The audio decodes to no samples. */
    AUDIO_EMPTY,
    /** No face was found in the source. */
    NO_FACE,
    /** A render option is unknown or out of range. */
    BAD_OPTION,
    /** A model file is missing, truncated, or does not match its contract. */
    MODEL_MISMATCH,
    /** The output could not be encoded or published. */
    OUTPUT_FAILED,
    /** A manifest row is malformed (missing or invalid column values, duplicate id). */
    BAD_ROW,
    /**
     * A request to the avatar service is malformed (unreadable JSON or form, a field missing, of the wrong
     * type or out of range, a content type it does not take); a batch job never writes it.
     */
    BAD_REQUEST,
    /** A URI names a scheme or file type the job cannot read or write. */
    UNSUPPORTED_URI,
    /** Speech synthesis from text failed or the language has no voice. */
    SPEECH_FAILED,
    /** A step of the row (fetch, decode, render, publish) did not finish within the row's deadline. */
    TIMED_OUT,
    /** An input needs a larger picture or more memory than one row may use. */
    TOO_LARGE,
    /**
     * The device a render asked for cannot run it: no CUDA or TensorRT provider in this ONNX Runtime
     * build, a library the provider needs is missing, or the GPU is not there.
     */
    DEVICE_UNAVAILABLE,
    /** The render was cancelled (its thread interrupted) before it finished; it leaves no output. */
    CANCELLED,
    /** Anything else: a bug or an environment failure. */
    INTERNAL
}
