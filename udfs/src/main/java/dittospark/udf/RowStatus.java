package dittospark.udf;

/** The outcome of one manifest row, as written to the results table's {@code status} column. */
public enum RowStatus {
    SUCCEEDED, FAILED, SKIPPED
}
