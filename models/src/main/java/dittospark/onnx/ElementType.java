package dittospark.onnx;

import dittospark.onnx.proto.TensorProto;

import java.util.Arrays;

/** The tensor element types the model files use, with their ONNX codes and contract spellings. */
public enum ElementType {
    FLOAT(TensorProto.DataType.FLOAT, "float32"),
    INT64(TensorProto.DataType.INT64, "int64");

    private final TensorProto.DataType proto;
    private final String contractName;

    ElementType(TensorProto.DataType proto, String contractName) {
        this.proto = proto;
        this.contractName = contractName;
    }

    int code() {
        return proto.getNumber();
    }

    /** The type a contract names, e.g. {@code float32}. */
    public static ElementType ofContract(String name) {
        return Arrays.stream(values()).filter(t -> t.contractName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unsupported element type " + name));
    }
}
