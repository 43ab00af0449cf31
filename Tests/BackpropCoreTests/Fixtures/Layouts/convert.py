#!/usr/bin/env python3
"""Writes the layout fixtures: built-in lessons in Ng's Θ layout converted by hand-written
rules (not by backprop-tutor) to the other layouts a lesson file may use. Run from this folder:
    python3 convert.py
WeightLayoutTests checks that each traces exactly as the lesson it came from."""
import json, os

LESSONS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "lessons")


def load(name):
    with open(os.path.join(LESSONS, name + ".json"), encoding="utf-8") as f:
        return json.load(f)


def save(lesson, name):
    with open(name, "w", encoding="utf-8") as f:
        json.dump(lesson, f, ensure_ascii=False, indent=1)
        f.write("\n")


def labels(lesson):
    # y one-hot over K > 1 units -> "label": unit number from 1; one output -> "label": 0 or 1.
    for key in ("samples", "validation", "test"):
        for sample in lesson.get(key, []):
            y = sample.pop("y")
            sample["label"] = int(y[0]) if len(y) == 1 else y.index(1) + 1


# Nielsen: w^l = Θ without its first column, b^l = Θ's first column. xor, with labels.
xor = load("xor")
thetas = xor.pop("weights")
xor["w"] = [[row[1:] for row in theta] for theta in thetas]
xor["b"] = [[row[0] for row in theta] for theta in thetas]
labels(xor)
save(xor, "xor-nielsen.json")

# The 15 Steps: W = Θ transposed, the bias row moved last. ng-lecture, with labels.
lecture = load("ng-lecture")
thetas = lecture.pop("weights")
lecture["W"] = [[[theta[i][j] for i in range(len(theta))] for j in list(range(1, len(theta[0]))) + [0]]
                for theta in thetas]
labels(lecture)
save(lecture, "ng-lecture-tulleken.json")

# Mazur: w1 … numbered layer by layer, row by row (unit of the next layer), column by column;
# b_k shared by layer k + 1 (mazur.json's per-unit copies are equal, as in his post).
mazur = load("mazur")
thetas = mazur.pop("weights")
numbered, n = {}, 0
for theta in thetas:
    for row in theta:
        for value in row[1:]:
            n += 1
            numbered["w%d" % n] = value
for k, theta in enumerate(thetas, start=1):
    assert len({row[0] for row in theta}) == 1, "Mazur shares one bias per layer"
    numbered["b%d" % k] = theta[0][0]
mazur["mazurWeights"] = numbered
save(mazur, "mazur-mazur.json")
