package dittospark.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dittospark.image.Affine;
import dittospark.media.FfmpegCli;
import dittospark.media.Samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the face front end tests compare: the 512 crop each front end places on a source frame, the
 * PSNR between two renders, and the faces made from the sample portrait to compare them on.
 */
final class FaceFrontends {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONFIG = "ditto_cfg/v0.4_hubert_cfg_trt.json";

    /** One made source: a name for the tables and the ffmpeg filter that makes it from the portrait. */
    record Face(String name, String filter) {
    }

    /** Turned both ways, moved off centre, small in a large frame, and beside a second, smaller face. */
    static final List<Face> MADE = List.of(
            new Face("rotated 12 deg", "scale=512:512,rotate=12*PI/180:fillcolor=black"),
            new Face("rotated -20 deg", "scale=512:512,rotate=-20*PI/180:fillcolor=black"),
            new Face("off-centre", "scale=288:288,pad=512:512:224:200"),
            new Face("small in the frame", "scale=176:176,pad=512:512:300:40"),
            new Face("two faces", "split[a][b];[a]scale=320:320[big];[b]scale=192:192,pad=192:320:0:64[little];"
                    + "[big][little]hstack"));

    /** Centre and side of a 512 crop in source pixels. */
    record Crop(double cx, double cy, double size) {
        static Crop of(Affine c2o) {
            double half = SourceRegistrar.CROP / 2.0;
            double cx = c2o.get(0, 0) * half + c2o.get(0, 1) * half + c2o.get(0, 2);
            double cy = c2o.get(1, 0) * half + c2o.get(1, 1) * half + c2o.get(1, 2);
            double scale = Math.sqrt(Math.abs(c2o.get(0, 0) * c2o.get(1, 1) - c2o.get(0, 1) * c2o.get(1, 0)));
            return new Crop(cx, cy, scale * SourceRegistrar.CROP);
        }

        double centreDistance(Crop o) {
            return Math.hypot(cx - o.cx, cy - o.cy);
        }

        double sizeDifference(Crop o) {
            return Math.abs(size - o.size);
        }
    }

    private FaceFrontends() {
    }

    static Path make(Face face, Path dir) {
        Path out = dir.resolve(face.name().replaceAll("[^a-z0-9-]+", "_") + ".png");
        if (!Files.exists(out)) {
            FfmpegCli.ffmpeg("-i", Samples.file("portrait.png").toString(), "-filter_complex", face.filter(),
                    "-frames:v", "1", out.toString());
        }
        return out;
    }

    static JsonNode configDefaults(Path models) throws IOException {
        return JSON.readTree(models.resolve(CONFIG).toFile()).get("default_kwargs");
    }

    /** PSNR in dB over every RGB value of every frame; infinite for identical renders. */
    static double psnr(List<byte[]> a, List<byte[]> b) {
        double squares = 0;
        long count = 0;
        for (int f = 0; f < Math.min(a.size(), b.size()); f++) {
            byte[] x = a.get(f);
            byte[] y = b.get(f);
            for (int i = 0; i < x.length; i++) {
                double d = Byte.toUnsignedInt(x[i]) - Byte.toUnsignedInt(y[i]);
                squares += d * d;
            }
            count += x.length;
        }
        double mse = squares / Math.max(count, 1);
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }
}
