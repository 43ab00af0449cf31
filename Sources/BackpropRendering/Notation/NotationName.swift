/// The name of a notation as users type it (`ng`, `nielsen`, `tulleken`, `mazur`).
///
/// The list of names is `NotationRegistry`'s; each notation declares its own name in its file.
public struct NotationName: RawRepresentable, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// The name as typed.
    public let rawValue: String

    /// A name; whether a notation has it is `NotationRegistry`'s to say.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Every registered notation's name, in the registry's order.
    public static var allCases: [NotationName] { NotationRegistry.all.map { $0.name } }

    public var description: String { rawValue }
}
