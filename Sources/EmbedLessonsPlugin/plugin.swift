import Foundation
import PackagePlugin

/// Compiles the package's `lessons/*.json` into the target as Swift string literals.
///
/// The lesson files stay plain data at the top of the package (the single source of truth);
/// the binary carries them, so built-in lessons load wherever it runs from.
@main
struct EmbedLessonsPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let lessonsDirectory = context.package.directoryURL.appending(path: "lessons")
        let names = try FileManager.default.contentsOfDirectory(atPath: lessonsDirectory.path)
            .filter { $0.hasSuffix(".json") }
            .sorted()
        let inputs = names.map { lessonsDirectory.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedLessons.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) built-in lessons",
                executable: try context.tool(named: "LessonEmbedder").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
