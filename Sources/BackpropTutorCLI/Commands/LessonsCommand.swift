import BackpropCore
import BackpropRendering

/// `lessons`: the built-in lessons as a table of name, layer sizes and title.
public enum LessonsCommand: Command {
    /// `lessons`, without options.
    public static let spec = CommandSpec(name: "lessons", summary: "list the built-in lessons")

    /// Writes the table.
    public static func run(_ arguments: ParsedArguments, io: CommandIO) throws(CLIError) {
        try arguments.expectNoPositionals()
        var rows = [["name", "layers", "title"]]
        for name in LessonLibrary.builtInNames {
            let lesson: Lesson
            do {
                lesson = try LessonLibrary.load(name)
            } catch {
                throw .lesson(error)
            }
            let marker = name == LessonLibrary.defaultLessonName ? " (default)" : ""
            rows.append([
                name + marker, lesson.network.layerSizes.map(String.init).joined(separator: "-"), lesson.title,
            ])
        }
        try io.write(TextTable.render(rows) + "\n")
    }
}
