"""Writes tiny ONNX models with the tensor names, types and shapes a contracts file states.

usage: make_models.py CONTRACTS_JSON OUT_DIR
       make_models.py --custom-op OUT_FILE
Each model feeds every output from ConstantOfShape and ignores its inputs: only the interface
matters to the verifier. Dynamic dimensions keep their symbol. --custom-op writes a model whose
single node is GridSample3D in domain com.example, which ONNX Runtime does not know.
"""
import json
import os
import sys

import onnx
from onnx import TensorProto, helper

TYPES = {"float32": TensorProto.FLOAT, "float64": TensorProto.DOUBLE, "int64": TensorProto.INT64,
         "int32": TensorProto.INT32, "uint8": TensorProto.UINT8, "bool": TensorProto.BOOL}
OPSET = 17
IR_VERSION = 8


def value_info(name, type_name, dims):
    return helper.make_tensor_value_info(name, TYPES[type_name], dims)


def save(graph, path, opsets):
    model = helper.make_model(graph, opset_imports=opsets, producer_name="dittospark tests")
    model.ir_version = IR_VERSION
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    onnx.save(model, path)


def contract_model(spec, out_dir):
    inputs = [value_info(t["name"], t["type"], t["shapes"][0]) for t in spec["inputs"]]
    outputs, nodes = [], []
    for i, t in enumerate(spec["outputs"]):
        name = t["name"] if t["name"] != "*" else "out%d" % i
        dims = t["shapes"][0]
        concrete = [d if isinstance(d, int) else 1 for d in dims]
        nodes.append(helper.make_node("Constant", [], [name + "_shape"],
                                      value=helper.make_tensor(name + "_shape_value", TensorProto.INT64,
                                                               [len(concrete)], concrete)))
        nodes.append(helper.make_node("ConstantOfShape", [name + "_shape"], [name],
                                      value=helper.make_tensor(name + "_fill", TYPES[t["type"]], [1], [0])))
        outputs.append(value_info(name, t["type"], dims))
    graph = helper.make_graph(nodes, spec["role"], inputs, outputs)
    save(graph, os.path.join(out_dir, spec["file"]), [helper.make_opsetid("", OPSET)])


def custom_op_model(path):
    x = value_info("x", "float32", [1, 4])
    y = value_info("y", "float32", [1, 4])
    node = helper.make_node("GridSample3D", ["x"], ["y"], domain="com.example")
    graph = helper.make_graph([node], "custom_op", [x], [y])
    save(graph, path, [helper.make_opsetid("", OPSET), helper.make_opsetid("com.example", 1)])


if sys.argv[1] == "--custom-op":
    custom_op_model(sys.argv[2])
else:
    with open(sys.argv[1]) as f:
        contracts = json.load(f)
    for spec in contracts["models"]:
        contract_model(spec, sys.argv[2])
