package dittospark.job;

import org.apache.spark.Success$;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import scala.Tuple4;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

import java.util.HashMap;
import java.util.Map;

/**
 * Follows a run's {@link RowCounters} as the driver learns of them: a running task's counts come with
 * its executor's heartbeats, so that progress moves while a task is still on its rows, and a finished
 * task's final counts replace them. A failed attempt's counts are dropped, as Spark drops them.
 */
final class ProgressListener extends SparkListener {
    private final RowCounters counters;
    private final Map<Long, Progress> running = new HashMap<>();
    private Progress finished = Progress.NONE;

    ProgressListener(RowCounters counters) {
        this.counters = counters;
    }

    synchronized Progress progress() {
        return running.values().stream().reduce(finished, Progress::plus);
    }

    @Override
    public synchronized void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
        for (Tuple4<Object, Object, Object, Seq<AccumulableInfo>> task
                : CollectionConverters.asJava(update.accumUpdates())) {
            Progress counted = counts(task._4());
            if (counted.done() > 0) {
                running.put((Long) task._1(), counted);
            }
        }
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
        running.remove(end.taskInfo().taskId());
        if (end.reason() == Success$.MODULE$) {
            finished = finished.plus(counts(end.taskInfo().accumulables()));
        }
    }

    private Progress counts(Seq<AccumulableInfo> infos) {
        Map<Long, Long> values = new HashMap<>();
        for (AccumulableInfo info : CollectionConverters.asJava(infos)) {
            if (info.update().isDefined() && info.update().get() instanceof Number n) {
                values.put(info.id(), n.longValue());
            }
        }
        return counters.of(id -> values.getOrDefault(id, 0L));
    }
}
