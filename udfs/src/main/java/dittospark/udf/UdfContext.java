package dittospark.udf;

import org.apache.hadoop.conf.Configuration;

import java.io.Serializable;
import java.util.Map;

/**
 * What the UDFs carry from the driver to the executors: the model set and the driver's Hadoop
 * settings (credentials, endpoints), small enough to ship with every task.
 */
abstract class UdfContext implements Serializable {
    private static final long serialVersionUID = 1L;

    protected final String modelsUri;
    private final Map<String, String> hadoop;
    private transient Configuration conf;

    UdfContext(String modelsUri, Map<String, String> hadoop) {
        this.modelsUri = modelsUri;
        this.hadoop = hadoop;
    }

    /** The Hadoop configuration on this executor, made once per deserialized UDF (once per task). */
    protected Configuration conf() {
        if (conf == null) {
            conf = HadoopFiles.configuration(hadoop);
        }
        return conf;
    }
}
