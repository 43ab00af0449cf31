import BackpropCore
import BackpropRendering

/// Hand-built narratives for the renderer tests, independent of the Narrator.
enum Fixtures {
    /// The lesson title that must print literally and never run a command.
    static let hostileTitle = #"50% of \input{secret.txt} & $x_1$ {#} ~^"#

    static let theta2 = Math.superscripted(.identifier("Θ"), .parenthesized(.integer(2)))
    static let delta3 = Math.superscripted(.identifier("δ"), .parenthesized(.integer(3)))
    static let a2 = Math.superscripted(.identifier("a"), .parenthesized(.integer(2)))

    /// A small figure: 2 inputs, 2 outputs, values and weights.
    static let figure = NetworkFigure(
        layers: [
            [
                .init(label: .subscripted(.identifier("x"), .integer(1)), activation: 0.05),
                .init(label: .subscripted(.identifier("x"), .integer(2)), activation: 0.10),
            ],
            [
                .init(
                    label: .scripted(.identifier("a"), sub: .integer(1), sup: .parenthesized(.integer(2))),
                    activation: 0.5933, delta: -0.0123),
                .init(
                    label: .scripted(.identifier("a"), sub: .integer(2), sup: .parenthesized(.integer(2))),
                    activation: 0.5969, delta: 0.0456),
            ],
        ],
        layerCaptions: ["layer 1 (input)", "layer 2 (output)"],
        weights: [Matrix([[0.35, 0.15, 0.20], [0.35, 0.25, 0.30]])],
        weightSymbols: [.superscripted(.identifier("Θ"), .parenthesized(.integer(1)))])

    /// Step 12 with one block of every kind.
    static let section = Section(
        number: 12, title: "The error of a hidden layer: δ⁽²⁾ & friends",
        blocks: [
            .heading("Trick 2_chain rule"),
            .paragraph([
                .text("The error 50% of "), .math(delta3), .text(" flows back through "), .math(.transpose(theta2)),
                .text(" with "), .code("g'(z) = a(1 - a)"), .text("."),
            ]),
            .equation(
                Equation(
                    .superscripted(.identifier("δ"), .parenthesized(.integer(2))),
                    [
                        .init(
                            .equals,
                            .row([
                                .transpose(theta2), delta3, .op(.hadamard),
                                .apply(
                                    .prime(.identifier("g")),
                                    .superscripted(.identifier("z"), .parenthesized(.integer(2)))),
                            ])),
                        .init(
                            .equals,
                            .row([
                                .values([[0.40, 0.50], [0.45, 0.55]]), .column([0.7414, -0.2171]), .op(.hadamard),
                                .column([0.2413, 0.2406]),
                            ]), comment: "bias row dropped"),
                        .init(.approximately, .column([0.0036, -0.0040])),
                    ])),
            .why([
                .text("Each "), .math(.subscripted(.identifier("δ"), .identifier("i"))), .text(" is "),
                .math(.partial(.identifier("J"), .subscripted(.identifier("z"), .identifier("i")))), .text("."),
            ]),
            .convention([
                .text("Ng: layer l = 1…L, "),
                .math(
                    .binary(
                        .identifier("error_vector"), .equals,
                        .binary(.identifier("target"), .minus, .identifier("output")))), .text("."),
            ]),
            .table(
                Table(
                    header: [[.text("unit")], [.math(.identifier("a"))], [.math(.identifier("δ"))]],
                    rows: [
                        [[.text("#1")], [.math(.number(0.5933))], [.math(.number(-0.0123))]],
                        [[.text("#2")], [.math(.number(0.5969))], [.math(.number(-0.00001))]],
                    ],
                    rightAligned: [false, true, true])),
            .bullets([
                [.text("sum: "), .math(.sum(.identifier("k"), .subscripted(.identifier("Δ"), .identifier("k"))))],
                [
                    .emphasis("norm"), .text(" "),
                    .math(
                        .norm(
                            .matrix([
                                [.number(1), .ellipsis(.horizontal)], [.ellipsis(.vertical), .ellipsis(.diagonal)],
                            ]))),
                ],
            ]),
            .figure(figure),
        ])

    /// An equation too wide for the page at any size: an 8 × 12 matrix times a vector.
    static let wideEquation = Equation(
        .identifier("z"),
        [
            .init(
                .equals,
                .row([
                    .values((0..<8).map { i in (0..<12).map { j in -0.123456 * Double(i - j) } }),
                    .op(.product), .column((0..<12).map { Double($0) / 7 }), .op(.plus),
                    .column((0..<8).map { -Double($0) / 3 }), .op(.plus), .column((0..<8).map { Double($0) / 9 }),
                ])),
            .init(.equals, .column((0..<8).map { Double($0) * 1.5 })),
        ])
}
