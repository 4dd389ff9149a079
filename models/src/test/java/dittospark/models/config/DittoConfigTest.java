package dittospark.models.config;

import dittospark.models.Python3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DittoConfigTest {

    /** The config Python pickles; {@link #EXPECTED} is the same dict as the reader must give it back. */
    private static final String PYTHON_CONFIG = """
            {
              "base_cfg": {
                "decoder_cfg": {"model_path": "decoder_fp16.engine", "device": "cuda"},
                "landmark478_cfg": {"blaze_face_model_path": "blaze_face_fp16.engine", "force_ori_type": False},
              },
              "audio2motion_cfg": {"model_path": "lmdm.engine", "seq_frames": 80, "use_emo": True, "w2f_type": "hubert"},
              "default_kwargs": {
                "emo": (np.arange(12, dtype=np.float32) * np.float32(0.1) - np.float32(0.55)).reshape(3, 4),
                "ids": np.array([[1, -2], [3, 2 ** 40]], dtype=np.int64),
                "fortran": np.asfortranarray(np.arange(6, dtype=np.float32).reshape(2, 3)),
                "big_endian": np.array([1.5, -2.0], dtype=">f8"),
                "mask": np.array([True, False, True]),
                "zero_d": np.array(2.25, dtype=np.float32),
                "scale": np.float32(0.1),
                "count": np.int64(7),
                "dtype": np.dtype("float32"),
                "fix_kp_cond_dim": [0, 202],
                "window": (3, 0.5, "hann"),
                "overall_ctrl_info": {"delta_pitch": 2},
                "ratio": 0.1,
                "off": None,
              },
            }""";

    private static final Map<String, Object> EXPECTED = map(
            "base_cfg", map(
                    "decoder_cfg", map("model_path", "decoder_fp16.engine", "device", "cuda"),
                    "landmark478_cfg", map("blaze_face_model_path", "blaze_face_fp16.engine", "force_ori_type", false)),
            "audio2motion_cfg", map("model_path", "lmdm.engine", "seq_frames", 80L, "use_emo", true,
                    "w2f_type", "hubert"),
            "default_kwargs", map(
                    "emo", new NdArray(NumpyDtype.FLOAT32, new int[] {3, 4}, emo()),
                    "ids", new NdArray(NumpyDtype.INT64, new int[] {2, 2}, new long[] {1, -2, 3, 1L << 40}),
                    "fortran", new NdArray(NumpyDtype.FLOAT32, new int[] {2, 3}, new float[] {0, 1, 2, 3, 4, 5}),
                    "big_endian", new NdArray(NumpyDtype.FLOAT64, new int[] {2}, new double[] {1.5, -2.0}),
                    "mask", new NdArray(NumpyDtype.BOOL, new int[] {3}, new boolean[] {true, false, true}),
                    "zero_d", new NdArray(NumpyDtype.FLOAT32, new int[0], new float[] {2.25f}),
                    "scale", (double) 0.1f,
                    "count", 7L,
                    "dtype", "float32",
                    "fix_kp_cond_dim", List.of(0L, 202L),
                    "window", List.of(3L, 0.5, "hann"),
                    "overall_ctrl_info", map("delta_pitch", 2L),
                    "ratio", 0.1,
                    "off", null));

    @TempDir
    Path dir;

    private static float[] emo() {
        float[] out = new float[12];
        for (int i = 0; i < out.length; i++) {
            out[i] = i * 0.1f - 0.55f;
        }
        return out;
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }

    /** Writes {@link #PYTHON_CONFIG} as config.pkl and, through Python's json module, config.json. */
    private Path pickled(int protocol, String core) throws IOException {
        Python3.assumeModules("numpy");
        Path pkl = dir.resolve("config.pkl");
        Python3.runScript(getClass(), "write_config.py", PYTHON_CONFIG, pkl.toString(),
                Integer.toString(protocol), core, dir.resolve("config.json").toString());
        return pkl;
    }

    @ParameterizedTest(name = "protocol {0}, numpy.{1}")
    @CsvSource({"2, core", "2, _core", "4, _core", "5, _core"})
    void readsEveryValueOfAPickledConfig(int protocol, String core) throws IOException {
        DittoConfig config = DittoConfig.read(pickled(protocol, core));

        assertThat(config.raw()).as("config pickled with protocol %d naming numpy.%s", protocol, core)
                .isEqualTo(EXPECTED);
    }

    @Test
    void keepsTheDictOrderOfThePickle() throws IOException {
        DittoConfig config = DittoConfig.read(pickled(4, "_core"));

        assertThat(new ArrayList<>(((Map<?, ?>) config.raw().get(DittoConfig.DEFAULT_KWARGS)).keySet()))
                .as("default_kwargs keys in Python's order")
                .isEqualTo(new ArrayList<>(((Map<?, ?>) EXPECTED.get("default_kwargs")).keySet()));
    }

    @Test
    void jsonFormWrittenByPythonEqualsThePickle() throws IOException {
        DittoConfig pickle = DittoConfig.read(pickled(4, "_core"));

        DittoConfig json = DittoConfig.read(dir.resolve("config.json"));

        assertThat(json).as("config.json (json.dump of the same dict) against config.pkl").isEqualTo(pickle);
    }

    @Test
    void toJsonReadsBackEqual() throws IOException {
        DittoConfig pickle = DittoConfig.read(pickled(4, "_core"));
        Path json = Files.writeString(dir.resolve("again.json"), pickle.toJson());

        assertThat(DittoConfig.read(json)).as("the config read back from its own toJson()").isEqualTo(pickle);
    }

    @Test
    void toJsonWritesArraysAsNestedLists() {
        Map<String, Object> withArray = map("m", new NdArray(NumpyDtype.INT32, new int[] {2, 2}, new int[] {1, 2, 3, 4}));

        String json = ConfigJson.write(withArray);

        assertThat(json.replaceAll("\\s", "")).as("JSON of a 2x2 int array, whitespace removed")
                .isEqualTo("{\"m\":[[1,2],[3,4]]}");
    }

    @Test
    void toJsonPutsEachInnermostRowOnOneLine() {
        Map<String, Object> withArray = map("m", new NdArray(NumpyDtype.FLOAT32, new int[] {2, 2},
                new float[] {0.5f, 1, 2, 3}));

        String json = ConfigJson.write(withArray);

        assertThat(json).as("pretty JSON of a 2x2 float array").isEqualTo("""
                {
                  "m": [
                    [0.5, 1.0],
                    [2.0, 3.0]
                  ]
                }
                """);
    }

    @Test
    void readsJsonByContentWhateverTheExtension() throws IOException {
        Path file = Files.writeString(dir.resolve("settings.cfg"), """
                  {"base_cfg": {}, "audio2motion_cfg": {"seq_frames": 80}, "default_kwargs": {}}""");

        assertThat(DittoConfig.read(file).raw().get(DittoConfig.AUDIO2MOTION_CFG))
                .as("audio2motion_cfg of a JSON file named .cfg").isEqualTo(Map.of("seq_frames", 80L));
    }

    private Path jsonFile(String json) throws IOException {
        return Files.writeString(dir.resolve("config.json"), json);
    }

    private DittoConfig withBaseCfg(String baseCfg) throws IOException {
        return DittoConfig.read(jsonFile("{\"base_cfg\": " + baseCfg
                + ", \"audio2motion_cfg\": {}, \"default_kwargs\": {}}"));
    }

    @Test
    void missingFileIsReportedWithItsPath() {
        Path missing = dir.resolve("nope.pkl");

        assertThatThrownBy(() -> DittoConfig.read(missing)).as("reading a missing config")
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining(missing.toString());
    }

    @Test
    void damagedPickleIsReportedWithItsPath() throws IOException {
        Path bad = Files.write(dir.resolve("bad.pkl"), new byte[] {(byte) 0x80, 4, (byte) 0x95, 1, 2, 3});

        assertThatThrownBy(() -> DittoConfig.read(bad)).as("reading a truncated pickle")
                .isInstanceOf(IOException.class).hasMessageContaining(bad.toString())
                .hasMessageContaining("not a readable pickle config");
    }

    @Test
    void truncatedRealPickleIsReportedWithItsPath() throws IOException {
        byte[] whole = Files.readAllBytes(pickled(4, "_core"));
        Path cut = Files.write(dir.resolve("cut.pkl"), Arrays.copyOf(whole, whole.length / 2));

        assertThatThrownBy(() -> DittoConfig.read(cut)).as("reading the first half of a config pickle")
                .isInstanceOf(IOException.class).hasMessageContaining(cut.toString());
    }

    @Test
    void configWithoutASectionIsRejected() throws IOException {
        Path file = jsonFile("{\"base_cfg\": {}, \"default_kwargs\": {}}");

        assertThatThrownBy(() -> DittoConfig.read(file)).as("a config without audio2motion_cfg")
                .isInstanceOf(IOException.class).hasMessageContaining("audio2motion_cfg");
    }

    @Test
    void modelFileFallsBackToTheReleaseLayout() throws IOException {
        DittoConfig config = withBaseCfg("""
                {"decoder_cfg": {"model_path": "decoder_fp16.engine"}}""");

        assertThat(config.modelFile(dir, "decoder")).as("decoder whose model_path is a TensorRT engine")
                .isEqualTo(dir.resolve("ditto_onnx/decoder.onnx"));
    }

    @Test
    void modelFileUsesAConfiguredOnnxThatExists() throws IOException {
        Path onnx = Files.createFile(dir.resolve("my_decoder.onnx"));
        DittoConfig config = withBaseCfg("""
                {"decoder_cfg": {"model_path": "my_decoder.onnx"}}""");

        assertThat(config.modelFile(dir, "decoder")).as("decoder whose model_path names an existing .onnx")
                .isEqualTo(onnx);
    }

    @Test
    void modelFileFindsAConfiguredNameBesideTheReleaseLayout() throws IOException {
        Path onnx = Files.createFile(Files.createDirectories(dir.resolve("ditto_onnx")).resolve("decoder_v2.onnx"));
        DittoConfig config = withBaseCfg("""
                {"decoder_cfg": {"model_path": "decoder_v2.onnx"}}""");

        assertThat(config.modelFile(dir, "decoder")).as("decoder whose model_path is a bare .onnx name")
                .isEqualTo(onnx);
    }

    @Test
    void modelFileIgnoresAConfiguredOnnxThatIsMissing() throws IOException {
        DittoConfig config = withBaseCfg("""
                {"landmark478_cfg": {"blaze_face_model_path": "elsewhere/blaze.onnx"}}""");

        assertThat(config.modelFile(dir, "blaze_face")).as("blaze_face whose configured .onnx does not exist")
                .isEqualTo(dir.resolve("ditto_onnx/blaze_face.onnx"));
    }

    @Test
    void modelFileFindsAModelNamedInsideAnotherEntry() throws IOException {
        Path onnx = Files.createFile(dir.resolve("blaze.onnx"));
        DittoConfig config = withBaseCfg("""
                {"landmark478_cfg": {"blaze_face_model_path": "blaze.onnx"}}""");

        assertThat(config.modelFile(dir, "blaze_face")).as("blaze_face named by landmark478_cfg")
                .isEqualTo(onnx);
    }
}
