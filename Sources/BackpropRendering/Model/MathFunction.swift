import BackpropCore

/// A function in a `Math.call`: how it is written, and, when it has one, what it computes.
///
/// The symbol is the notation's (g, σ, activation, g′, activation_diff); the meaning is what an
/// evaluator applies element-wise to the arguments. A function with no meaning (max, sin) only
/// prints.
public struct MathFunction: Equatable, Sendable {
    /// What the function computes.
    public enum Meaning: Equatable, Sendable {
        /// The activation g itself.
        case activation(Activation)
        /// Its derivative g′, element-wise (softmax: the diagonal of its Jacobian).
        case derivative(Activation)
        /// The natural logarithm.
        case log
        /// The exponential eˣ.
        case exp
    }

    /// How the function's name prints (g, σ′, log).
    public var symbol: Math
    /// What it computes, or nil for a name that only prints.
    public var meaning: Meaning?

    /// A function written `symbol` that computes `meaning`.
    public init(_ symbol: Math, meaning: Meaning?) {
        self.symbol = symbol
        self.meaning = meaning
    }

    /// The activation `activation`, written as the notation writes it (g, σ, activation).
    public static func activation(_ activation: Activation, written symbol: Math) -> MathFunction {
        MathFunction(symbol, meaning: .activation(activation))
    }

    /// The derivative of `activation`, written as the notation writes it (g′, activation_diff).
    public static func derivative(of activation: Activation, written symbol: Math) -> MathFunction {
        MathFunction(symbol, meaning: .derivative(activation))
    }

    /// log, the natural logarithm.
    public static let log = MathFunction(.identifier("log"), meaning: .log)

    /// exp.
    public static let exp = MathFunction(.identifier("exp"), meaning: .exp)

    /// A name that only prints (max, sin, tanh inside a definition).
    public static func named(_ name: String) -> MathFunction {
        MathFunction(.identifier(name), meaning: nil)
    }
}
