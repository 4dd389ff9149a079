package dittospark.job;

import dittospark.udf.ResultRow;
import org.apache.spark.SparkContext;
import org.apache.spark.util.LongAccumulator;

import java.io.Serializable;
import java.util.function.LongUnaryOperator;

/**
 * Accumulators the executors add each finished row to, so that the driver can follow the rendering
 * of a run on any cluster (see {@link ProgressListener}).
 */
final class RowCounters implements Serializable {
    private final LongAccumulator succeeded;
    private final LongAccumulator failed;
    private final LongAccumulator skipped;
    private final LongAccumulator frames;

    RowCounters(SparkContext spark) {
        succeeded = spark.longAccumulator("dittospark rows succeeded");
        failed = spark.longAccumulator("dittospark rows failed");
        skipped = spark.longAccumulator("dittospark rows skipped");
        frames = spark.longAccumulator("dittospark frames rendered");
    }

    void count(ResultRow row) {
        switch (row.status()) {
            case SUCCEEDED -> {
                succeeded.add(1);
                frames.add(row.frames() == null ? 0 : row.frames());
            }
            case FAILED -> failed.add(1);
            case SKIPPED -> skipped.add(1);
        }
    }

    /** The counts of the tasks that have finished, as the driver merged them. */
    Progress merged() {
        return new Progress(succeeded.value(), failed.value(), skipped.value(), frames.value());
    }

    /** The values of these counters among a task's accumulator updates, keyed by accumulator id. */
    Progress of(LongUnaryOperator valueById) {
        return new Progress(valueById.applyAsLong(succeeded.id()), valueById.applyAsLong(failed.id()),
                valueById.applyAsLong(skipped.id()), valueById.applyAsLong(frames.id()));
    }
}
