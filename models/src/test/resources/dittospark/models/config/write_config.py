"""Writes a config dict given as a Python expression as a pickle and as its JSON form.

usage: write_config.py EXPR PICKLE_OUT PROTOCOL CORE_MODULE JSON_OUT
CORE_MODULE names numpy's core package in the pickle: '_core' as numpy 2 writes it, or 'core'
as numpy 1 did (the release configs); renaming needs protocol 2, whose globals are text lines.
"""
import json
import pickle
import sys

import numpy as np

expr, pickle_out, protocol, core, json_out = sys.argv[1:]
cfg = eval(expr, {"np": np})
data = pickle.dumps(cfg, protocol=int(protocol))
if core == "core":
    if int(protocol) != 2:
        sys.exit("renaming numpy's core package needs protocol 2")
    data = data.replace(b"cnumpy._core.", b"cnumpy.core.")
    if b"numpy._core" in data:
        sys.exit("numpy._core is still named in the pickle")
with open(pickle_out, "wb") as f:
    f.write(data)
with open(json_out, "w") as f:
    json.dump(cfg, f, indent=1, default=lambda o: o.tolist() if hasattr(o, "tolist") else str(o))
