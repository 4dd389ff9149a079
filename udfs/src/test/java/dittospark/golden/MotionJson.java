package dittospark.golden;

import com.fasterxml.jackson.databind.JsonNode;
import dittospark.motion.MotionInfo;
import dittospark.motion.MotionKey;

import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;

/** Reads the reference's motion dicts and arrays from golden JSON. */
final class MotionJson {
    private MotionJson() {
    }

    static MotionInfo info(JsonNode dict) {
        Map<MotionKey, float[]> values = new EnumMap<>(MotionKey.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = dict.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            values.put(MotionKey.of(e.getKey()), floats(e.getValue()));
        }
        return MotionInfo.of(values);
    }

    static float[] floats(JsonNode node) {
        double[] d = GoldenFiles.flat(node);
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    /** Each entry of {@code actual} against the same entry of {@code expected}, keys included. */
    static void assertInfoClose(String what, MotionInfo actual, JsonNode expected) {
        MotionInfo want = info(expected);
        org.assertj.core.api.Assertions.assertThat(actual.keys()).as(what + ": keys").isEqualTo(want.keys());
        for (MotionKey key : want.keys()) {
            GoldenFiles.assertClose(what + "." + key.id(), GoldenFiles.toDouble(actual.get(key)),
                    GoldenFiles.toDouble(want.get(key)));
        }
    }
}
