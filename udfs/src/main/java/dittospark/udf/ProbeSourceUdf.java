package dittospark.udf;

import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import dittospark.face.FaceBox;
import dittospark.media.SourceProbe;
import dittospark.video.SourceInfo;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ditto_probe_source(uri)}: what a source is (kind, size, frames, fps from its header) and the
 * face box registration would start from on its first frame, in source pixels. An unreadable source
 * gives a null kind and no face; {@code face_found} is null when the face could not be looked for
 * (the model set is unusable).
 */
final class ProbeSourceUdf extends UdfContext implements UDF1<String, Row> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ProbeSourceUdf.class);

    static final StructType SCHEMA = new StructType()
            .add("kind", DataTypes.StringType)
            .add("width", DataTypes.IntegerType)
            .add("height", DataTypes.IntegerType)
            .add("frames", DataTypes.IntegerType)
            .add("fps", DataTypes.DoubleType)
            .add("face_found", DataTypes.BooleanType)
            .add("face_box", DataTypes.createArrayType(DataTypes.FloatType, false));

    private static final Row UNREADABLE = RowFactory.create(null, null, null, null, null, false, null);

    ProbeSourceUdf(String modelsUri, Map<String, String> hadoop) {
        super(modelsUri, hadoop);
    }

    @Override
    public Row call(String uri) {
        return LocalCopy.read(uri, conf(), local -> describe(uri, local), UNREADABLE);
    }

    private Row describe(String uri, Path local) throws RenderException {
        SourceInfo info = SourceProbe.probe(local);
        Boolean found = null;
        List<Float> box = null;
        try {
            Optional<FaceBox> face = ExecutorRendering.engine(modelsUri, conf()).faceBox(local);
            found = face.isPresent();
            box = face.map(b -> List.of(b.x1(), b.y1(), b.x2(), b.y2())).orElse(null);
        } catch (RenderException e) {
            if (e.kind() == ErrorKind.SOURCE_UNREADABLE) {
                throw e;
            }
            LOG.warn("cannot look for a face in {}: {}", uri, e.getMessage());
        }
        return RowFactory.create(info.kind().name(), info.width(), info.height(), info.frames(), info.fps(), found,
                box);
    }
}
