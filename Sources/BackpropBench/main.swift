// backprop-bench: the engine's epoch times and the commands' times on classroom-sized lessons.
//
//   swift run -c release backprop-bench [--numpy Tests/Tools/numpy_epoch.py] [--dir DIR] [--runs N]
//   [--load-only] (the epochs and the lesson files' loading times, no commands)
//   [--phases] (also the forward, backward, Δ and D phases of one 400-25-10 epoch)
//
// Epochs are timed in this process (median, after a warm-up); each command runs as a child
// process (this binary with `--run-command …`, which runs the CLI with its output sent to
// /dev/null), so its wall time and peak memory are its own. The lesson files are written to
// DIR (default /tmp/backprop-bench). `BACKPROP_THREADS=1` limits the engine to one thread.
import BackpropCore
import BackpropTutorCLI
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "--run-command", arguments.count >= 2 {
    // A child run: the CLI, then this process's peak resident memory (VmHWM, which is its own
    // even though posix_spawn shared the parent's memory until exec) written to the given file.
    let code = BackpropTutor.run(Array(arguments.dropFirst(2)))
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let peak = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
    try? String(peak ?? "").write(toFile: arguments[1], atomically: false, encoding: .utf8)
    exit(code)
}

func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}
let directory = option("--dir") ?? "/tmp/backprop-bench"
let commandRuns = Int(option("--runs") ?? "") ?? 5
let numpyScript = option("--numpy")

let loadAverage = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3)
    .joined(separator: " ")
print("backprop-bench: \(ProcessInfo.processInfo.activeProcessorCount) cores, engine threads \(EngineThreads.count)")
print("load average at start: \(loadAverage ?? "unknown")")

// Epochs, engine only: one `gradients` (forward, backward, Δ, D) and one update.
let shapes = [
    BenchLesson(layers: [400, 25, 10], sampleCount: 5000),
    BenchLesson(layers: [64, 25, 10], sampleCount: 1797),
    BenchLesson(layers: [2, 3, 1], sampleCount: 4),
    BenchLesson(layers: [3, 5, 3], sampleCount: 5),
]
print("\none full-batch epoch (sigmoid, cross-entropy, λ = 1), median:")
for shape in shapes where !(arguments.contains("--small-only") && shape.sampleCount >= 100) {
    let lesson = shape.lesson()
    let inputs = lesson.inputs
    let targets = lesson.targets
    var network = lesson.network
    let small = shape.sampleCount < 100
    let repeats = small ? 1000 : 1
    let (seconds, runs) = Stopwatch.median(minimumRuns: 5, budget: small ? 0.5 : 2) {
        for _ in 0..<repeats {
            let (pass, d) = network.gradients(inputs: inputs, targets: targets, lambda: lesson.lambda)
            _ = network.cost(of: pass, lambda: lesson.lambda)
            network.weights = network.updatedWeights(
                gradients: d, learningRate: lesson.learningRate, updatesBiases: true)
        }
    }
    print("  swift \(shape.name): \(Stopwatch.format(seconds / Double(repeats))) (median of \(runs))")
}
if arguments.contains("--phases") {
    // Where one ex4-shaped epoch's time goes (median of each phase on its own).
    let lesson = shapes[0].lesson()
    let network = lesson.network
    let (inputs, targets) = (lesson.inputs, lesson.targets)
    let forward = network.forward(inputs: inputs, targets: targets)
    let pass = network.backward(forward, targets: targets)
    let accumulated = network.accumulatedGradients(of: pass)
    let phases: [(String, () -> Void)] = [
        ("forward (z, a, losses)", { _ = network.forward(inputs: inputs, targets: targets) }),
        ("backward (δ)", { _ = network.backward(forward, targets: targets) }),
        ("accumulate (Δ)", { _ = network.accumulatedGradients(of: pass) }),
        ("average (D) and cost", {
            _ = network.averagedGradients(accumulated, sampleCount: targets.rows, lambda: lesson.lambda)
            _ = network.cost(of: pass, lambda: lesson.lambda)
        }),
    ]
    print("  phases of one \(shapes[0].name) epoch:")
    for (name, body) in phases {
        let (seconds, _) = Stopwatch.median(minimumRuns: 5, budget: 1, body)
        print("    \(name): \(Stopwatch.format(seconds))")
    }
}
if let script = numpyScript {
    // numpy with its BLAS free to choose its kernel: OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset.
    var environment = ProcessInfo.processInfo.environment
    environment["OPENBLAS_CORETYPE"] = nil
    environment["OPENBLAS_L2_SIZE"] = nil
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", script]
    process.environment = environment
    let pipe = Pipe()
    process.standardOutput = pipe
    do {
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        for line in String(decoding: output, as: UTF8.self).split(separator: "\n") { print("  " + line) }
    } catch {
        print("  numpy: could not run \(script): \(error)")
    }
}
if arguments.contains("--epochs-only") { exit(0) }

// Commands on lesson files, each in its own process.
try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
let files = shapes.prefix(2).map { shape in
    let path = directory + "/" + shape.fileName
    let text = shape.jsonText()
    try? text.write(toFile: path, atomically: true, encoding: .utf8)
    return (shape, path, text.utf8.count)
}
print("\nlesson files (in \(directory)):")
for (shape, path, bytes) in files {
    let (seconds, runs) = Stopwatch.median(minimumRuns: 5, budget: 1) {
        _ = try? Lesson.load(contentsOf: URL(fileURLWithPath: path), displayName: path)
    }
    // CPU time of one more load: on a busy machine the wall-clock median is mostly waiting.
    let cpuStart = clock()
    _ = try? Lesson.load(contentsOf: URL(fileURLWithPath: path), displayName: path)
    let cpu = Double(clock() - cpuStart) / Double(CLOCKS_PER_SEC)
    print(
        "  load \(shape.name) (\(String(format: "%.1f", Double(bytes) / 1e6)) MB): \(Stopwatch.format(seconds)) (median of \(runs); CPU \(Stopwatch.format(cpu)))"
    )
}
if arguments.contains("--load-only") { exit(0) }
let me = Bundle.main.executablePath ?? CommandLine.arguments[0]
print("\ncommands (median of \(commandRuns) runs after a warm-up; peak resident memory):")
for (shape, path, _) in files {
    for command in [["step", "12"], ["check"], ["trace", "--format", "json"]] {
        if command[0] == "trace" && shape.layers[0] > 100 { continue }
        let run = Stopwatch.medianChild(
            [me, "--run-command", directory + "/peak.txt"] + command + ["--lesson", path], runs: commandRuns)
        let status = run.status == 0 ? "" : " (exit status \(run.status))"
        print(
            "  \(command.joined(separator: " ")) on \(shape.name): \(Stopwatch.format(run.seconds)) "
                + "(CPU \(Stopwatch.format(run.cpuSeconds))), peak \(run.peakBytes / 1_000_000) MB\(status)")
    }
}
let endLoad = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3)
    .joined(separator: " ")
print("load average at end: \(endLoad ?? "unknown")")
