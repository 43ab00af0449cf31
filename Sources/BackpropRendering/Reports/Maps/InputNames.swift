import BackpropCore

/// The names of a lesson's inputs for axes and keys: the data file's column names when the
/// lesson records them (`inputScaling.features`, else `data.features`), else the lesson
/// notation's input symbol with the unit's number (x₁, x₂; i₁, i₂ in Mazur's). Inputs the lesson
/// records as scaled (`inputScaling`) say so: `width (min-max scaled)`.
public enum InputNames {
    /// One name per input unit of `lesson`.
    public static func of(_ lesson: Lesson) -> [String] {
        let count = lesson.network.layerSizes[0]
        // The maps' axes run over the inputs as the network sees them: say so when they were scaled.
        let scaled = lesson.inputScaling.map { " (\($0.method.rawValue) scaled)" } ?? ""
        for names in [lesson.inputScaling?.features, lesson.dataSource?.features] {
            if let names, names.count == count { return names.map { $0 + scaled } }
        }
        let notation =
            NotationRegistry.notation(
                named: NotationName(rawValue: lesson.notation), layerSizes: lesson.network.layerSizes)
            ?? NgNotation(layerSizes: lesson.network.layerSizes)
        let writer = UnicodeMathWriter(format: NumberFormat(decimals: 4))
        return (1...count).map { writer.line(.subscripted(notation.input, .identifier(String($0)))) }
    }
}
