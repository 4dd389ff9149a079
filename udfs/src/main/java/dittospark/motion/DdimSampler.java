package dittospark.motion;

/**
 * Samples one clip of motion with the LMDM and DDIM. Owns the randomness the reference draws: the
 * schedule's renoising arrays at construction, then one starting x per clip, all from one
 * {@link LegacyRandom}.
 */
public final class DdimSampler {
    private final Lmdm lmdm;
    private final DdimSchedule schedule;
    private final LegacyRandom random;
    private final int seqFrames;
    private final int motionDim;
    private final float[][] noise;

    public DdimSampler(Lmdm lmdm, DdimSchedule schedule, LegacyRandom random, int seqFrames, int motionDim) {
        this.lmdm = lmdm;
        this.schedule = schedule;
        this.random = random;
        this.seqFrames = seqFrames;
        this.motionDim = motionDim;
        this.noise = schedule.drawNoise(random, seqFrames * motionDim);
    }

    public int seqFrames() {
        return seqFrames;
    }

    public int motionDim() {
        return motionDim;
    }

    /**
     * @param kpCond motion the clip continues from [motionDim]
     * @param cond   the clip's conditions [seqFrames][C]
     * @return the clip's motion [seqFrames][motionDim]
     */
    public float[][] sample(float[] kpCond, float[][] cond) {
        if (cond.length != seqFrames) {
            throw new IllegalArgumentException("a clip has " + seqFrames + " condition rows, got " + cond.length);
        }
        float[] flatCond = Rows.flatten(cond);
        float[] x = random.randn(seqFrames * motionDim);
        for (int k = 0; k < schedule.steps(); k++) {
            Lmdm.Prediction p = lmdm.predict(x, kpCond, flatCond, schedule.time(k));
            if (schedule.timeNext(k) < 0) {
                x = p.xStart();
                continue;
            }
            float a = schedule.alphaNextSqrt(k);
            float c = schedule.c(k);
            float sigma = schedule.sigma(k);
            float[] n = noise[k];
            float[] next = new float[x.length];
            for (int i = 0; i < next.length; i++) {
                next[i] = p.xStart()[i] * a + c * p.noise()[i] + sigma * n[i];
            }
            x = next;
        }
        return Rows.unflatten(x, motionDim);
    }
}
