"""Check export_sequential without PyTorch, on stand-ins with the same interface.

PyTorch is not installed where this was written, so these classes mimic what export_sequential
uses: iterating an nn.Sequential, Linear's weight and bias tensors (detach, tolist) and
state_dict(). Run with: python3 -m unittest docs/examples/test_export.py
"""

import os
import sys
import unittest

os.environ.setdefault("SAWTOOTH_TOKEN", "unused")
sys.path.insert(0, os.path.dirname(__file__))

from sawtooth_api import export_sequential  # noqa: E402


class Tensor:
    def __init__(self, values):
        self.values = values

    def detach(self):
        return self

    def tolist(self):
        return self.values


class Linear:
    def __init__(self, weight, bias):
        self.weight = Tensor(weight)
        self.bias = None if bias is None else Tensor(bias)


class ReLU:
    pass


class Sequential(list):
    def state_dict(self):
        entries = {}
        for index, module in enumerate(self):
            if isinstance(module, Linear):
                entries[f"{index}.weight"] = module.weight
                if module.bias is not None:
                    entries[f"{index}.bias"] = module.bias
        return entries


# h2 as nn.Sequential(nn.Linear(1, 2), nn.ReLU(), nn.Linear(2, 1)) after training to about -4.
TENT = Sequential([Linear([[1.0], [1.0]], [0.0, -0.5]), ReLU(), Linear([[2.0, -3.9999998]], [0.0])])


class ExportSequentialTest(unittest.TestCase):
    def test_native(self):
        self.assertEqual(
            export_sequential(TENT),
            {
                "layers": [
                    {"weights": [[1.0], [1.0]], "biases": [0.0, -0.5]},
                    {"weights": [[2.0, -3.9999998]], "biases": [0.0]},
                ],
                "activation": "relu",
                "outputActivation": "identity",
            },
        )

    def test_state_dict(self):
        self.assertEqual(
            export_sequential(TENT, "state_dict"),
            {
                "0.weight": [[1.0], [1.0]],
                "0.bias": [0.0, -0.5],
                "2.weight": [[2.0, -3.9999998]],
                "2.bias": [0.0],
            },
        )

    def test_rounded_to_fractions(self):
        exported = export_sequential(TENT, max_denominator=100)
        self.assertEqual(exported["layers"][0]["biases"], ["0", "-1/2"])
        self.assertEqual(exported["layers"][1]["weights"], [["2", "-4"]])

    def test_layer_without_bias(self):
        model = Sequential([Linear([[1.0, 2.0]], None)])
        self.assertEqual(export_sequential(model)["layers"][0]["biases"], [0])

    def test_other_layers_are_rejected(self):
        class Tanh:
            pass

        with self.assertRaisesRegex(ValueError, "Tanh"):
            export_sequential(Sequential([Linear([[1.0]], [0.0]), Tanh()]))


if __name__ == "__main__":
    unittest.main()
