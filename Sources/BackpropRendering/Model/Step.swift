/// The 15 steps of the lesson. The numbering is fixed: scripts, teachers and the tutorials the
/// steps follow cite it (`backprop-tutor step 12`).
public enum Step: Int, CaseIterable, Comparable, Sendable {
    case network = 1
    case classes
    case data
    case activation
    case initialWeights
    case feedforward
    case cost
    case whyDerivatives
    case chainRule
    case outputError
    case hiddenError
    case backpropagation
    case accumulation
    case gradientCheck
    case gradientDescent

    /// The step's number, 1–15.
    public var number: Int { rawValue }

    /// The step numbered `number`, or nil outside 1–15.
    public init?(number: Int) { self.init(rawValue: number) }

    /// The step's title.
    public var title: String {
        switch self {
        case .network: return "The network and its matrices"
        case .classes: return "Outputs and classes"
        case .data: return "The data"
        case .activation: return "The activation function and its derivative"
        case .initialWeights: return "Initial weights"
        case .feedforward: return "Feedforward"
        case .cost: return "The cost"
        case .whyDerivatives: return "Why derivatives"
        case .chainRule: return "The chain rule for one weight"
        case .outputError: return "The output error"
        case .hiddenError: return "Passing the error back"
        case .backpropagation: return "Backpropagation for one sample"
        case .accumulation: return "Accumulating over the samples"
        case .gradientCheck: return "Gradient checking"
        case .gradientDescent: return "Gradient descent"
        }
    }

    /// The first and last step numbers, for messages ("from 1 to 15").
    public static let numbers = Step.network.number...Step.gradientDescent.number

    public static func < (lhs: Step, rhs: Step) -> Bool { lhs.rawValue < rhs.rawValue }
}
