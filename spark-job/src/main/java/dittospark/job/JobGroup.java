package dittospark.job;

import org.apache.spark.SparkContext;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Spark job group of one batch run on the calling thread. Closing it puts back the group the
 * caller had (a notebook cell's, say) rather than clearing it, so that the caller's later jobs still
 * belong to their own group.
 */
final class JobGroup implements AutoCloseable {
    /** The thread-local properties {@link SparkContext#setJobGroup} sets. */
    static final String ID = "spark.jobGroup.id";
    static final String DESCRIPTION = "spark.job.description";
    static final String INTERRUPT_ON_CANCEL = "spark.job.interruptOnCancel";

    private final SparkContext spark;
    private final Map<String, String> callers = new HashMap<>();

    private JobGroup(SparkContext spark) {
        this.spark = spark;
        for (String property : List.of(ID, DESCRIPTION, INTERRUPT_ON_CANCEL)) {
            callers.put(property, spark.getLocalProperty(property));
        }
    }

    /** Puts this thread's next jobs in group {@code id}, cancellable with interruption. */
    static JobGroup enter(SparkContext spark, String id, String description) {
        JobGroup group = new JobGroup(spark);
        spark.setJobGroup(id, description, true);
        return group;
    }

    @Override
    public void close() {
        // a null value removes the property, as clearJobGroup would for a caller without a group
        callers.forEach(spark::setLocalProperty);
    }
}
