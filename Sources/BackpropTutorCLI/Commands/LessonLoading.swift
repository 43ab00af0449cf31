import BackpropCore
import BackpropRendering

/// What several commands do first: load `--lesson`, trace it, read a number option.
enum LessonLoading {
    /// The lesson `--lesson` names (the default lesson without it), as student `--variant K`
    /// has it.
    static func lesson(_ arguments: ParsedArguments) throws(CLIError) -> Lesson {
        try lesson(named: arguments.value(CommonOptions.lesson), arguments)
    }

    /// The lesson called `name` (the default lesson for nil), as student `--variant K` has it.
    static func lesson(named name: String?, _ arguments: ParsedArguments) throws(CLIError) -> Lesson {
        let lesson: Lesson
        do {
            lesson = try LessonLibrary.load(name)
        } catch {
            throw .lesson(error)
        }
        return lesson.variant(arguments.value(CommonOptions.variant) ?? 0)
    }

    /// Traces the parts of `lesson` that `options` asks for, refusing a lesson whose numbers
    /// overflow (a trace full of NaN teaches nothing).
    static func trace(_ lesson: Lesson, options: TraceOptions) throws(CLIError) -> Trace {
        let trace = Tracer.trace(lesson, options: options)
        try expectFinite(trace, lesson: lesson)
        return trace
    }

    /// `trace(_:options:)` with the per-sample records left to be made one at a time.
    static func streamingTrace(_ lesson: Lesson, options: TraceOptions) throws(CLIError) -> StreamingTrace {
        let streaming = Tracer.streamingTrace(lesson, options: options)
        try expectFinite(streaming.frame, lesson: lesson)
        return streaming
    }

    private static func expectFinite(_ trace: Trace, lesson: Lesson) throws(CLIError) {
        let isFinite = trace.cost.isFinite && trace.D.allSatisfy { $0.values.allSatisfy(\.isFinite) }
        guard isFinite else { throw .overflow(lessonTitle: lesson.title) }
    }
}
