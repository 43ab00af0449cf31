// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "backprop-tutor",
    products: [
        .executable(name: "backprop-tutor", targets: ["backprop-tutor"]),
        .library(name: "BackpropCore", targets: ["BackpropCore"]),
        .library(name: "BackpropRendering", targets: ["BackpropRendering"]),
        .library(name: "BackpropTutorCLI", targets: ["BackpropTutorCLI"]),
        .library(name: "BackpropDiagnosis", targets: ["BackpropDiagnosis"]),
    ],
    targets: [
        // The engine, the trace and the lesson format. No user-facing prose.
        .target(name: "BackpropCore"),
        // Notations, the narrative document model and its renderers.
        .target(name: "BackpropRendering", dependencies: ["BackpropCore"]),
        // Argument scanning, commands, help and exit codes, as a testable library.
        // The built-in lessons in lessons/*.json are compiled into it by EmbedLessonsPlugin,
        // so the binary finds them wherever it runs from.
        .target(
            name: "BackpropTutorCLI",
            dependencies: ["BackpropCore", "BackpropRendering", "BackpropDiagnosis"],
            plugins: ["EmbedLessonsPlugin"]
        ),
        // `diagnose`: a learner's own numbers against the pass, and the classic mistakes behind them.
        .target(name: "BackpropDiagnosis", dependencies: ["BackpropCore"]),
        .executableTarget(name: "backprop-tutor", dependencies: ["BackpropTutorCLI"]),
        // `swift run -c release backprop-bench`: epoch and command timings (README, Performance).
        .executableTarget(name: "backprop-bench", dependencies: ["BackpropTutorCLI"], path: "Sources/BackpropBench"),

        // libFuzzer target: lesson bytes → decoder → trace → every renderer (README, "Fuzzing").
        // A replay tool in normal builds; `-Xswiftc -DFUZZING` with the sanitizers for fuzzing.
        .executableTarget(name: "LessonFuzzer", dependencies: ["BackpropCore", "BackpropRendering"]),

        // Build-time helper: turns lessons/*.json into Swift string literals.
        .executableTarget(name: "LessonEmbedder"),
        .plugin(
            name: "EmbedLessonsPlugin",
            capability: .buildTool(),
            dependencies: ["LessonEmbedder"],
            path: "Sources/EmbedLessonsPlugin"
        ),

        // Shared by the three test targets: isClose/expectClose, GoldenFile, the lessons/ fixtures.
        .target(
            name: "BackpropTestSupport",
            dependencies: ["BackpropCore"],
            path: "Tests/BackpropTestSupport"
        ),
        // Fixtures/Data: files written by Octave (make_fixtures.m), read through #filePath.
        .testTarget(
            name: "BackpropCoreTests", dependencies: ["BackpropCore", "BackpropTestSupport"], exclude: ["Fixtures"]),
        // Renderers and the narrator only: goldens are made without the CLI.
        .testTarget(
            name: "BackpropRenderingTests",
            dependencies: ["BackpropRendering", "BackpropTestSupport"],
            exclude: ["Goldens", "NumberLessons"]
        ),
        .testTarget(
            name: "BackpropDiagnosisTests", dependencies: ["BackpropDiagnosis", "BackpropTestSupport"],
            exclude: ["Octave"]
        ),
        .testTarget(
            name: "BackpropTutorCLITests",
            dependencies: ["BackpropTutorCLI", "BackpropTestSupport"],
            exclude: ["Snapshots", "Fixtures"]
        ),
    ]
)
