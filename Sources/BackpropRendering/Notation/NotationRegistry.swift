/// The notations a user can choose: the single list that parsing, help, error messages and
/// lesson validation read.
public enum NotationRegistry {
    /// Every notation, in the order help lists them. A new notation is one file plus one entry.
    public static let all: [any Notation.Type] = [
        NgNotation.self, NielsenNotation.self, TullekenNotation.self, MazurNotation.self,
    ]

    /// The notation used when neither the lesson nor the command line names one.
    public static let defaultName = NgNotation.name

    /// The notation type called `name`, if any.
    public static func type(named name: NotationName) -> (any Notation.Type)? {
        all.first { $0.name == name }
    }

    /// The notation called `name` for a lesson with these layer sizes, if there is one.
    public static func notation(named name: NotationName, layerSizes: [Int]) -> (any Notation)? {
        type(named: name).map { $0.init(layerSizes: layerSizes) }
    }
}
