package dittospark.udf;

import dittospark.media.AudioProbe;
import org.apache.spark.sql.api.java.UDF1;

import java.util.Map;

/** {@code ditto_audio_seconds(uri)}: the duration of an audio file, or null when it cannot be read. */
final class AudioSecondsUdf extends UdfContext implements UDF1<String, Double> {
    private static final long serialVersionUID = 1L;

    AudioSecondsUdf(String modelsUri, Map<String, String> hadoop) {
        super(modelsUri, hadoop);
    }

    @Override
    public Double call(String uri) {
        return LocalCopy.read(uri, conf(), AudioProbe::seconds, null);
    }
}
