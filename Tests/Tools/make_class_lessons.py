#!/usr/bin/env python3
"""Writes lessons/iris.json and lessons/digits.json from scikit-learn's copies of the data.

A tool, not part of the package or its tests. The data files come from the scikit-learn wheel
(BSD-3-Clause), which holds Fisher's iris values (not UCI's two misprinted rows) and the UCI
"Optical Recognition of Handwritten Digits" test set (1,797 8×8 images):

    pip download scikit-learn --no-deps -d /tmp/skl
    cd /tmp/skl && unzip -o scikit_learn-*.whl 'sklearn/datasets/data/*'
    python3 Tests/Tools/make_class_lessons.py /tmp/skl/sklearn/datasets/data

The splits are fixed by a Fisher–Yates shuffle driven by SplitMix64 (the generator in
Sources/BackpropCore/Engine/SplitMix64.swift), so the files can be remade bit for bit.
"""
import csv
import gzip
import json
import os
import sys

MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def unit(self):
        return (self.next() >> 11) * 2.0**-53


def shuffled(items, seed):
    """Fisher–Yates from the back: swap i with j = ⌊u·(i + 1)⌋, as SplitMix64+Shuffle.swift does."""
    items = list(items)
    rng = SplitMix64(seed)
    for i in range(len(items) - 1, 0, -1):
        j = int(rng.unit() * (i + 1))
        items[i], items[j] = items[j], items[i]
    return items


def one_hot(k, n):
    return [1 if i == k else 0 for i in range(n)]


def dump_samples(samples, compact=False):
    separators = (",", ":") if compact else (", ", ": ")
    return "[\n" + ",\n".join("    " + json.dumps(s, separators=separators) for s in samples) + "\n  ]"


def write_lesson(path, head, sets, tail, compact=False):
    parts = ["{"]
    for key, value in head:
        parts.append(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},")
    for key, samples in sets:
        parts.append(f"  {json.dumps(key)}: {dump_samples(samples, compact)},")
    for index, (key, value) in enumerate(tail):
        comma = "," if index < len(tail) - 1 else ""
        parts.append(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}{comma}")
    parts.append("}")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(parts) + "\n")


def iris(data_dir, out_dir):
    with open(os.path.join(data_dir, "iris.csv")) as f:
        rows = list(csv.reader(f))
    names = rows[0][2:5]
    data = [([float(v) for v in r[:4]], int(r[4])) for r in rows[1:]]
    assert len(data) == 150
    # Fisher's values (UCI's rows 35 and 38 are misprints): checked against the paper's.
    assert data[34][0] == [4.9, 3.1, 1.5, 0.2] and data[37][0] == [4.9, 3.6, 1.4, 0.1]
    assert data[0][0] == [5.1, 3.5, 1.4, 0.2] and data[50][0] == [7.0, 3.2, 4.7, 1.4]
    assert data[100][0] == [6.3, 3.3, 6.0, 2.5] and data[149][0] == [5.9, 3.0, 5.1, 1.8]
    lows = [min(x[i] for x, _ in data) for i in range(4)]
    highs = [max(x[i] for x, _ in data) for i in range(4)]

    def scaled(x):
        return [round(0.025 + 0.95 * (v - lo) / (hi - lo), 6) for v, lo, hi in zip(x, lows, highs)]

    samples = [{"x": scaled(x), "y": one_hot(k, 3)} for x, k in shuffled(data, 1936)]
    train, validation, test = samples[:75], samples[75:113], samples[113:]
    summary = (
        "Herman Tulleken's \"15 Steps to Implement a Neural Net\" setup on all 150 iris flowers: "
        "4 measurements (sepal length and width, petal length and width, each scaled into "
        "[0.025, 0.975] over the whole set) feed 3 output units directly, one per species; no "
        "hidden layer, activation (tanh(x) + 1)/2, squared error, weights uniform in ±1/2 (seed 15), "
        "η = 0.1, one random training sample per update; split 75/38/37 (50/25/25) into training, "
        "validation and test by a SplitMix64 shuffle with seed 1936; training stops when the "
        "validation regression error Σ(t − o)²/(samples · outputs) falls below 0.1 or after 500 "
        "updates. Data: R. A. Fisher (1936), \"The use of multiple measurements in taxonomic "
        "problems\", via the UCI Machine Learning Repository (Iris, doi:10.24432/C56C76, CC BY 4.0), "
        "in scikit-learn's copy of Fisher's values."
    )
    write_lesson(
        os.path.join(out_dir, "iris.json"),
        [
            ("title", "Iris, the 15 Steps' way: no hidden layer, one sample per update"),
            ("summary", summary),
            ("notation", "tulleken"),
            ("classes", names),
            ("layers", [4, 3]),
            ("activation", "scaled-tanh"),
            ("loss", "squared-error"),
            ("init", {"method": "uniform", "epsilon": 0.5, "seed": 15}),
        ],
        [("samples", train), ("validation", validation), ("test", test)],
        [
            ("learningRate", 0.1),
            ("lambda", 0),
            ("epochs", 20),
            ("training", {"scheme": "stochastic", "seed": 15,
                          "stop": {"validationRegressionError": 0.1, "updates": 500}}),
        ],
    )


def digits(data_dir, out_dir, counts=(1297, 250, 250)):
    with gzip.open(os.path.join(data_dir, "digits.csv.gz"), "rt") as f:
        rows = [[int(float(v)) for v in r] for r in csv.reader(f)]
    assert len(rows) == 1797 and all(len(r) == 65 for r in rows)
    assert all(0 <= v <= 16 for r in rows for v in r[:64])
    samples = [{"x": r[:64], "y": one_hot(r[64], 10)} for r in shuffled(rows, 1998)]
    a, b, _ = counts
    train, validation, test = samples[:a], samples[a:a + b], samples[a + b:]
    summary = (
        "1,797 handwritten digits, each an 8×8 image of pixel counts 0–16 (written as integers; "
        "divided by 16 on loading, so the inputs lie in [0, 1]); a 64-25-10 sigmoid network with "
        "cross-entropy learns the 10 classes from mini-batches. Split "
        f"{a}/{b}/{len(test)} into training, validation and test by a SplitMix64 shuffle with "
        "seed 1998. Data: E. Alpaydin and C. Kaynak (1998), \"Optical Recognition of Handwritten "
        "Digits\", UCI Machine Learning Repository (doi:10.24432/C50P49, CC BY 4.0), the test set "
        "as scikit-learn ships it."
    )
    write_lesson(
        os.path.join(out_dir, "digits.json"),
        [
            ("title", "Handwritten digits: 8×8 images, 64-25-10"),
            ("summary", summary),
            ("notation", "ng"),
            ("classes", [str(k) for k in range(10)]),
            ("layers", [64, 25, 10]),
            ("activation", "sigmoid"),
            ("loss", "cross-entropy"),
            ("image", {"width": 8, "height": 8}),
            ("inputDivisor", 16),
            ("init", {"method": "uniform", "epsilon": 0.12, "seed": 1998}),
        ],
        [("samples", train), ("validation", validation), ("test", test)],
        [
            ("learningRate", float(os.environ.get("DIGITS_RATE", "1"))),
            ("lambda", 0),
            ("epochs", 5),
            ("training", {"scheme": "minibatch", "batchSize": int(os.environ.get("DIGITS_BATCH", "10")),
                          "seed": 1998, "stop": {"epochs": int(os.environ.get("DIGITS_EPOCHS", "20"))}}),
        ],
        compact=True,
    )


if __name__ == "__main__":
    data_dir = sys.argv[1] if len(sys.argv) > 1 else "/tmp/skl/sklearn/datasets/data"
    out_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "lessons")
    iris(data_dir, out_dir)
    digits(data_dir, out_dir)
