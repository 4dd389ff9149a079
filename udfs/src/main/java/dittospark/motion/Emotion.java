package dittospark.motion;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The emotion condition: m rows of 8 weights over the labels 0 Angry, 1 Disgust, 2 Fear, 3 Happy,
 * 4 Neutral, 5 Sad, 6 Surprise, 7 Contempt. Frame i uses row max(i, 0) % m, so one row holds for the
 * whole video and several rows cycle. Labels become rows as the reference does: softmax of a vector
 * with 8 at each chosen label and 0 elsewhere.
 */
public final class Emotion {
    public static final int LABELS = 8;
    public static final int NEUTRAL = 4;
    private static final float LABEL_LOGIT = 8f;

    private final float[][] rows;

    private Emotion(float[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("an emotion needs at least one row");
        }
        for (float[] row : rows) {
            if (row.length != LABELS) {
                throw new IllegalArgumentException("an emotion row has " + LABELS + " weights, got " + row.length);
            }
        }
        this.rows = rows;
    }

    /** One row mixing the given labels equally (a single label is the common case). */
    public static Emotion labels(int... labels) {
        return new Emotion(new float[][] {row(labels)});
    }

    /**
     * The {@code emo} render option, as the reference reads it: a label; a flat list of labels mixed
     * equally; an [m, 8] array (every row 8 numbers), whose rows are weights; any other list of lists,
     * whose rows are each a frame's labels.
     */
    public static Emotion fromJson(JsonNode emo) {
        if (emo.isIntegralNumber()) {
            return labels(label(emo));
        }
        if (!emo.isArray() || emo.isEmpty()) {
            throw new IllegalArgumentException("emo must be a label, a list of labels or a list of rows, got " + emo);
        }
        if (emo.get(0).isIntegralNumber()) {
            if (emo.size() >= LABELS) {
                throw new IllegalArgumentException("a flat list of emotion labels holds fewer than " + LABELS
                        + ", got " + emo);
            }
            return labels(labelList(emo));
        }
        boolean weights = true;
        for (JsonNode item : emo) {
            if (!item.isArray() || item.isEmpty()) {
                throw new IllegalArgumentException("emo list entries must be lists, got " + item);
            }
            weights &= item.size() == LABELS;
        }
        List<float[]> rows = new ArrayList<>();
        for (JsonNode item : emo) {
            rows.add(weights ? weights(item) : row(labelList(item)));
        }
        return new Emotion(rows.toArray(float[][]::new));
    }

    /** Number of rows before the sequence repeats. */
    public int size() {
        return rows.length;
    }

    /** Weights for frame i (negative frames use row 0). */
    public float[] at(int frame) {
        return rows[Math.max(frame, 0) % rows.length].clone();
    }

    /** softmax(8 at each label, 0 elsewhere) in float32, as scipy computes it. */
    private static float[] row(int... labels) {
        if (labels.length == 0) {
            throw new IllegalArgumentException("a frame needs at least one emotion label");
        }
        float[] logits = new float[LABELS];
        for (int label : labels) {
            if (label < 0 || label >= LABELS) {
                throw new IllegalArgumentException("emotion labels are 0..7, got " + label);
            }
            logits[label] = LABEL_LOGIT;
        }
        float[] out = new float[LABELS];
        float sum = 0f;
        for (int i = 0; i < LABELS; i++) {
            out[i] = (float) Math.exp(logits[i] - LABEL_LOGIT);
            sum += out[i];
        }
        for (int i = 0; i < LABELS; i++) {
            out[i] /= sum;
        }
        return out;
    }

    private static int label(JsonNode v) {
        if (!v.isIntegralNumber()) {
            throw new IllegalArgumentException("emotion labels are integers, got " + v);
        }
        return v.asInt();
    }

    private static int[] labelList(JsonNode list) {
        int[] labels = new int[list.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = label(list.get(i));
        }
        return labels;
    }

    private static float[] weights(JsonNode list) {
        if (list.size() != LABELS) {
            throw new IllegalArgumentException("an emotion row has " + LABELS + " weights, got " + list);
        }
        float[] out = new float[LABELS];
        for (int i = 0; i < LABELS; i++) {
            if (!list.get(i).isNumber()) {
                throw new IllegalArgumentException("emotion weights are numbers, got " + list);
            }
            out[i] = list.get(i).floatValue();
        }
        return out;
    }
}
