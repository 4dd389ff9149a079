package dittospark.golden;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A NumPy .npy array (format 1.0/2.0, little-endian, C order), widened to double. */
public record Npy(String dtype, int[] shape, double[] data) {
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']+)'");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");

    public static Npy read(Path file) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (buf.get() != (byte) 0x93 || buf.get() != 'N') {
            throw new IOException(file + " is not an .npy file");
        }
        buf.position(6);
        int major = buf.get();
        buf.get();
        int headerLen = major == 1 ? Short.toUnsignedInt(buf.getShort()) : buf.getInt();
        byte[] header = new byte[headerLen];
        buf.get(header);
        String h = new String(header, StandardCharsets.ISO_8859_1);
        Matcher fortran = FORTRAN.matcher(h);
        if (fortran.find() && fortran.group(1).equals("True")) {
            throw new IOException(file + ": Fortran order is not supported");
        }
        Matcher d = DESCR.matcher(h);
        Matcher s = SHAPE.matcher(h);
        if (!d.find() || !s.find()) {
            throw new IOException(file + ": unreadable header " + h);
        }
        String descr = d.group(1);
        int[] shape = Arrays.stream(s.group(1).split(",")).map(String::trim).filter(x -> !x.isEmpty())
                .mapToInt(Integer::parseInt).toArray();
        int n = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        double[] data = new double[n];
        for (int i = 0; i < n; i++) {
            data[i] = switch (descr) {
                case "<f4" -> buf.getFloat();
                case "<f8" -> buf.getDouble();
                case "<i8" -> buf.getLong();
                case "<i4" -> buf.getInt();
                case "|u1" -> Byte.toUnsignedInt(buf.get());
                case "|b1" -> buf.get();
                default -> throw new IOException(file + ": unsupported dtype " + descr);
            };
        }
        return new Npy(descr, shape, data);
    }

    public float[] floats() {
        float[] out = new float[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = (float) data[i];
        }
        return out;
    }
}
