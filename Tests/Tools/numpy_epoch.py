#!/usr/bin/env python3
"""One full-batch epoch of Ng's ex4, vectorised in numpy: the yardstick for backprop-bench.

Not part of the package or its tests. `backprop-bench --numpy Tests/Tools/numpy_epoch.py` runs
it in the same run as the Swift engine's epochs and prints both; on its own:

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 Tests/Tools/numpy_epoch.py

One epoch is what `Network.gradients` plus one update does: a = sigmoid([1 a] Θᵀ) layer by
layer, J = cross-entropy / m + (λ/2m) Σ Θ² (bias columns excluded), δ⁽ᴸ⁾ = a⁽ᴸ⁾ − y,
δ⁽ˡ⁾ = δ⁽ˡ⁺¹⁾ Θ⁽ˡ⁾[:, 1:] ⊙ a(1 − a), D⁽ˡ⁾ = δ⁽ˡ⁺¹⁾ᵀ [1 a⁽ˡ⁾] / m + (λ/m) Θ⁽ˡ⁾ (bias column
unregularised), Θ := Θ − αD. Prints one line per shape: `numpy <layers> x <m>: <median> s`,
and first the BLAS that threadpoolctl finds (when it is installed).
"""
import statistics
import sys
import time

import numpy as np

SHAPES = [([400, 25, 10], 5000), ([64, 25, 10], 1797), ([2, 3, 1], 4), ([3, 5, 3], 5)]


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def epoch(thetas, x, y, lam, alpha):
    m = x.shape[0]
    ones = np.ones((m, 1))
    biased = [np.hstack([ones, x])]
    activations = [x]
    for theta in thetas:
        a = sigmoid(biased[-1] @ theta.T)
        activations.append(a)
        biased.append(np.hstack([ones, a]))
    h = activations[-1]
    cost = -np.sum(y * np.log(h) + (1 - y) * np.log(1 - h)) / m
    cost += lam / (2 * m) * sum(np.sum(theta[:, 1:] ** 2) for theta in thetas)
    delta = h - y
    gradients = [None] * len(thetas)
    for index in range(len(thetas) - 1, -1, -1):
        gradients[index] = delta.T @ biased[index] / m
        gradients[index][:, 1:] += lam / m * thetas[index][:, 1:]
        if index > 0:
            a = activations[index]
            delta = (delta @ thetas[index][:, 1:]) * a * (1 - a)
    return cost, [theta - alpha * d for theta, d in zip(thetas, gradients)]


def main():
    try:
        from threadpoolctl import threadpool_info

        for pool in threadpool_info():
            print(
                "numpy BLAS: %s %s, kernel %s, %d threads"
                % (pool.get("internal_api"), pool.get("version"), pool.get("architecture"), pool.get("num_threads"))
            )
    except ImportError:
        print("numpy BLAS: threadpoolctl not installed")
    rng = np.random.default_rng(7)
    for layers, m in SHAPES:
        thetas = [rng.uniform(-0.12, 0.12, (n_out, n_in + 1)) for n_in, n_out in zip(layers, layers[1:])]
        x = rng.uniform(0, 1, (m, layers[0]))
        y = np.eye(layers[-1])[rng.integers(0, layers[-1], m)] if layers[-1] > 1 else rng.integers(0, 2, (m, 1))
        y = y.astype(float)
        budget = 2.0 if m > 100 else 0.5
        times = []
        start = time.perf_counter()
        while time.perf_counter() - start < budget or len(times) < 5:
            t0 = time.perf_counter()
            epoch(thetas, x, y, 1.0, 0.5)
            times.append(time.perf_counter() - t0)
        print("numpy %s x %d: %.3e s (median of %d)" % ("-".join(map(str, layers)), m, statistics.median(times), len(times)))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
