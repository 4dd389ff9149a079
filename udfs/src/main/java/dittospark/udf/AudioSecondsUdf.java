package dittospark.udf;

import dittospark.audio.AudioProbe;
import dittospark.engine.RenderException;
import org.apache.spark.sql.api.java.UDF1;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Map;

/** {@code ditto_audio_seconds(uri)}: the duration of an audio file, or null when it cannot be read. */
final class AudioSecondsUdf extends UdfContext implements UDF1<String, Double> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AudioSecondsUdf.class);

    AudioSecondsUdf(String modelsUri, Map<String, String> hadoop) {
        super(modelsUri, hadoop);
    }

    @Override
    public Double call(String uri) {
        if (uri == null) {
            return null;
        }
        try {
            return LocalCopy.read(uri, conf(), AudioProbe::seconds);
        } catch (RenderException | IOException | RuntimeException e) {
            LOG.info("no duration of {}: {}", uri, e.getMessage());
            return null;
        }
    }
}
