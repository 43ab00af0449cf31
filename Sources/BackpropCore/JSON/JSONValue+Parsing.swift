extension JSONValue {
    /// A syntax error in a JSON document, at a 1-based line and column.
    public struct ParseError: Error, Equatable, Sendable {
        /// 1-based line of the problem.
        public var line: Int
        /// 1-based column (Unicode scalars) of the problem.
        public var column: Int
        /// What is wrong, in lower case.
        public var message: String
    }

    /// Parses a whole JSON document with the lesson parser (duplicate keys, depth and number
    /// rules included), for readers outside Core such as `diagnose`'s answer files.
    public static func parse(_ text: String) throws(ParseError) -> JSONValue {
        do {
            return try JSONParser.parse(text)
        } catch {
            throw ParseError(line: error.line, column: error.column, message: error.message)
        }
    }
}
