import BackpropCore

/// Steps 1–3: the network and its matrices, the classes, and the data.
extension Narrator {
    func stepNetwork() -> [Block] {
        let sizes = trace.lesson.layers
        var rows: [[[Inline]]] = []
        for (index, size) in sizes.enumerated() {
            let l = index + 1
            let role = l == 1 ? "input" : (l == layerCount ? "output" : "hidden")
            let activationCell: [Inline] = l == 1 ? [.t("—")] : [.t(activation(ofLayer: l).rawValue)]
            var weightsCell: [Inline] = [.t("—")]
            if l < layerCount {
                weightsCell = [.m(notation.weights(l)), .t(": " + shapeText(trace.weights[index]))]
            }
            rows.append([[.t("\(notation.layerLabel(l)) (\(role))")], [.t("\(size)")], activationCell, weightsCell])
        }
        let table = Table(
            header: [[.t("layer")], [.t("units")], [.t("activation")], [.t("weights to the next layer")]],
            rows: rows, rightAligned: [false, true, false, false])

        // In a column-vector notation (Θa, wa) each ROW of weights is one unit; in the 15
        // Steps' row-vector form ([x, 1] · W) each COLUMN is.
        let productWords =
            notation.vectorsAreRows
            ? " — each column of weights (one unit of the next layer) times the previous layer's activations, summed;"
            : " — each row of weights (one unit of the next layer) times the previous layer's activations, summed;"
        let transposeWords =
            hasHiddenLayer
            ? " swaps rows and columns; backprop uses it to send errors back to the hidden layers;"
            : " swaps rows and columns; deeper networks use it to send errors back to hidden layers (this one has none);"
        let operations: [[Inline]] = [
            [
                .t("matrix product: "),
                .m(
                    notation.vectorsAreRows
                        ? product(notation.input, notation.weights(1))
                        // With the bias in column 0 the product takes the 1 on top (review K9).
                        : product(
                            notation.weights(1),
                            notation.biasLayout == .firstColumn ? .stackBias(.first, .identifier("a")) : .identifier("a"))),
                .t(productWords),
            ],
            [.t("transpose: "), .m(.transpose(notation.weights(1))), .t(transposeWords)],
            [
                .t("element-wise (Hadamard) product: "), .m(.hadamard(.identifier("u"), .identifier("v"))),
                .t(" multiplies matching entries;"),
            ],
            [
                // Review C6: with row vectors (the 15 Steps') the outer product is uᵀv, not uvᵀ.
                .t("outer product: "),
                .m(
                    notation.vectorsAreRows
                        ? .juxtaposed(.transpose(.identifier("u")), .identifier("v"))
                        : .juxtaposed(.identifier("u"), .transpose(.identifier("v")))),
                .t(
                    notation.vectorsAreRows
                        ? " of two row vectors (or u ⊗ v) is the matrix of every product uᵢvⱼ; each gradient is one."
                        : " (or u ⊗ v) is the matrix of every product uᵢvⱼ; each gradient is one."),
            ],
        ]

        var symbols: [[[Inline]]] = [
            [[.m(notation.activation(1))], [.t("the input vector (\(notation.layerName(1)))")]],
            [[.m(notation.weights(1))], [.t(weightsMeaning)]],
        ]
        if notation.biasLayout == .separateVector {
            symbols.append([[.m(notation.bias(1))], [.t("the bias vector into \(notation.layerName(2))")]])
        }
        symbols += [
            [[.m(notation.weightedInput(2))], [.t("the weighted input of \(notation.layerName(2))")]],
            [
                [.m(notation.activation(2))],
                [
                    .t("the activation of \(notation.layerName(2)), "),
                    .m(.call(activationFunction(ofLayer: 2), [notation.weightedInput(2)])),
                ],
            ],
            [
                [.m(notation.delta(2))],
                [
                    .t(
                        negatesDelta
                            ? "the delta of \(notation.layerName(2)): minus the derivative of one sample's loss with respect to "
                            : "the error of \(notation.layerName(2)): the derivative of one sample's loss with respect to "),
                    .m(notation.weightedInput(2)),
                ],
            ],
            [
                [.m(notation.accumulator(1))],
                [
                    .t(
                        negatesDelta
                            ? "minus the per-sample loss gradients of the weights leaving \(notation.layerName(1)), summed over the samples"
                            : "the per-sample loss gradients of the weights leaving \(notation.layerName(1)), summed over the samples")
                ],
            ],

        ]
        // Every symbol the steps use is listed here (review C8): the per-sample loss and gradient
        // too, and one activation symbol per layer when the lesson mixes functions (M8).
        symbols += [
            [
                [.m(notation.sampleGradient(1))],
                [
                    .t(
                        negatesDelta
                            ? "one sample's ΔW: minus the gradient of that sample's loss for the weights leaving \(notation.layerName(1)) (updates add it)"
                            : "one sample's gradient of those weights (steps 12 and 13)")
                ],
            ],
            [[.m(notation.gradient(1))], [.t("the cost's gradient with respect to those weights")]],
        ]
        if notation.sampleCost != notation.cost {
            symbols.append([[.m(notation.sampleCost)], [.t("the loss of one sample")]])
        }
        symbols.append(
            [
                [.m(notation.cost)],
                [
                    .t(
                        notation.sampleCost == notation.cost
                            ? "the cost: with one sample and no regularisation, that sample's loss"
                            : "the cost: the per-sample losses averaged, plus regularisation")
                ],
            ])
        if mixesActivations {
            for l in 2...layerCount {
                symbols.append([
                    [.m(activationSymbol(ofLayer: l))],
                    [
                        .t("the activation function of \(notation.layerName(l)) (\(activation(ofLayer: l).rawValue)); "),
                        .m(derivativeSymbol(ofLayer: l)), .t(" its derivative"),
                    ],
                ])
            }
        } else {
            symbols.append([
                [.m(notation.activationFunction)],
                [.t("the activation function; "), .m(notation.activationDerivative), .t(" its derivative")],
            ])
        }
        symbols += [
            [[.m(notation.learningRate)], [.t("the learning rate")]],
            [[.m(notation.lambda)], [.t("the regularisation strength")]],
            [[.m(notation.sampleCount)], [.t("the number of training samples")]],
        ]

        return [
            .paragraph([.t("This network has L = \(layerCount) layers: ")] + layerSentence),
            .table(table),
            .paragraph([.t("The operations used throughout:")]),
            .bullets(operations),
            .paragraph([.t("The symbols of this notation:")]),
            .table(Table(header: [[.t("symbol")], [.t("meaning")]], rows: symbols, rightAligned: [false, false])),
            .paragraph([.t(otherNotations)]),
            .figure(figure(showingValues: false)),
            .why([
                .t(
                    "A fully connected layer is one matrix product, so the whole pass is a few products, transposes and element-wise operations; knowing each shape lets you check every line by its dimensions."
                )
            ]),
        ]
    }

    /// How the other tutorials write the same numbers, said once, where the notation is
    /// introduced (the classroom review's F6 and the documents review's N9: not inside steps 10
    /// and 11 of every lesson).
    var otherNotations: String {
        "Comparing notations (the same numbers under other labels): the 15 Steps compute error_vector = target − output and delta = error_vector ⊙ activation_diff(net) for their squared error. With squared error, ∂C/∂aᴸ = −(target − output) (Nielsen writes it ∇ₐC), so that delta is minus the Wikipedia/Nielsen δᴸ = ∂C/∂aᴸ ⊙ σ′(zᴸ); that is why the 15 Steps' update adds η·[x, 1]ᵀ ⊗ delta where Ng and Nielsen subtract. Ng's course pairs cross-entropy with sigmoid outputs, where the slope factor cancels and δ⁽ᴸ⁾ = a⁽ᴸ⁾ − y."
            + (hasHiddenLayer
                ? " Layer numbers shift between books: in Ng's notation z⁽ˡ⁺¹⁾ = Θ⁽ˡ⁾a⁽ˡ⁾, so δ⁽ˡ⁾ uses Θ⁽ˡ⁾; in Nielsen's, zˡ⁺¹ = wˡ⁺¹aˡ, so δˡ uses wˡ⁺¹."
                : "")
    }

    /// "target y", or just "target" where the notation's symbol is the word itself.
    func named(_ noun: String, _ symbol: Math) -> [Inline] {
        symbol == .identifier(noun) ? [.t(noun)] : [.t(noun + " "), .m(symbol)]
    }

    var weightsMeaning: String { notation.weightsMeaning }

    var layerSentence: [Inline] {
        let sizes = trace.lesson.layers
        var parts: [String] = ["\(sizes[0]) input" + (sizes[0] == 1 ? "" : "s")]
        let hidden = sizes.dropFirst().dropLast()
        if !hidden.isEmpty {
            parts.append(hidden.map(String.init).joined(separator: " and ") + " hidden units")
        }
        parts.append("\(sizes[sizes.count - 1]) output" + (sizes[sizes.count - 1] == 1 ? "" : "s"))
        return [.t(parts.joined(separator: ", ") + ".")]
    }

    /// Whether the lesson has a hidden layer (L > 2).
    var hasHiddenLayer: Bool { layerCount > 2 }

    /// Whether the output layer is softmax.
    var hasSoftmaxOutput: Bool { activation(ofLayer: layerCount) == .softmax }

    /// Whether the targets encode classes: one-hot rows (several outputs) or 0 and 1 (one
    /// output), judged from the recorded samples (steps 2, 3 and 7 record the first 12).
    /// Regression targets (Mazur's 0.01 and 0.99, −1 and 2) are not classes.
    var targetsAreClasses: Bool {
        !trace.samples.isEmpty
            && trace.samples.allSatisfy { sample in
                guard sample.y.allSatisfy({ $0 == 0 || $0 == 1 }) else { return false }
                return sample.y.count == 1 || sample.y.filter({ $0 == 1 }).count == 1
            }
    }

    /// "1 sample", "2 samples".
    static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)" + (count == 1 ? "" : "s")
    }

    func stepClasses() -> [Block] {
        let outputCount = trace.lesson.layers[layerCount - 1]
        let isClassification = targetsAreClasses
        let classes = trace.lesson.classes
        func className(_ index: Int) -> String {
            if let classes, index < classes.count { return classes[index] }
            return outputCount == 1 ? (index == 1 ? "positive (1)" : "negative (0)") : "class \(index + 1)"
        }
        var rows: [[[Inline]]] = []
        for sample in trace.samples.prefix(Self.tableSampleCount) {
            let output = rowVector(sample.a[layerCount - 1])
            rows.append(
                isClassification
                    ? [
                        [.m(targetRow(sample.y))], [.t(className(sample.targetClass))], [.m(output)],
                        [.t(className(sample.predictedClass))],
                    ]
                    : [[.m(targetRow(sample.y))], [.m(output)]])
        }
        var blocks: [Block] = []
        let why: String
        if !isClassification {
            blocks.append(
                .paragraph([
                    .t(
                        (outputCount == 1
                            ? "1 output unit: each target is one number for the output to approach, not a class (the targets are not all 0 or 1"
                            : "\(outputCount) output units: each target is a vector of \(outputCount) numbers for the outputs to approach, not a class (the targets are not all one-hot vectors")
                            + "), so this lesson is a regression: there is no predicted class, only the distance between output and target."
                    )
                ]))
            why =
                "Each output unit is compared with its own target number; the cost (step 7) adds up how far every output is from it."
        } else if outputCount == 1 {
            blocks.append(
                .paragraph([
                    .t(
                        "One output unit encodes two classes: the target is 0 or 1, and the prediction is 1 when the output is at least 0.5."
                    )
                ]))
            why =
                "With two classes one output unit is enough: it answers a single yes/no question, and the cost compares the output with its target 0 or 1."
        } else {
            blocks.append(
                .paragraph([
                    .t(
                        "\(outputCount) output units: a target class c is written as the one-hot vector with 1 in position c and 0 elsewhere"
                    ),
                ]
                    + (outputCount > Self.largestShown
                        ? [
                            .t(", too long to print whole, so the tables write "),
                            .m(.subscripted(.identifier("e"), .identifier("k"))),
                            .t(" for the one with 1 in position k ("), .m(.subscripted(.identifier("e"), .integer(1))),
                            .t(" to "), .m(.subscripted(.identifier("e"), .integer(outputCount))), .t(")"),
                        ] : [])
                    + [
                    .t("; "),
                    .t("the predicted class is the position of the largest output (back from a vector to a class)."),
                ]))
            why =
                hasSoftmaxOutput
                ? "Softmax makes the \(outputCount) outputs a probability distribution over the classes (positive, summing to 1); the cost compares it with the one-hot target and rewards probability on the right class."
                : "One output unit per class turns classification into \(outputCount) yes/no questions the network answers at once; the cost compares each output with its 0 or 1."
        }
        let header: [[Inline]] =
            isClassification
            ? [[.t("target")], [.t("class")], [.t("output")], [.t("predicted")]] : [[.t("target")], [.t("output")]]
        blocks.append(
            .table(Table(header: header, rows: rows, rightAligned: Array(repeating: false, count: header.count))))
        // Name the symbols only where they are not the words themselves (the 15 Steps' target).
        var names: [Inline] = []
        for (noun, symbol) in [("target", notation.target), ("output", notation.activation(layerCount))]
        where symbol != .identifier(noun) {
            names += [.t(names.isEmpty ? "; the " : ", the "), .t(noun + " is "), .m(symbol)]
        }
        blocks.append(.paragraph([.t("(one row per sample, in order")] + names + [.t(")")]))
        if trace.m > Self.tableSampleCount {
            blocks.append(.paragraph([.t("(first \(Self.tableSampleCount) of \(trace.m) recorded samples)")]))
        }
        blocks.append(.why([.t(why)]))
        return blocks
    }

    func stepData() -> [Block] {
        var rows: [[[Inline]]] = []
        for sample in trace.samples.prefix(Self.tableSampleCount) {
            rows.append([[.t("\(sample.index + 1)")], [.m(rowVector(sample.x, style: .given))], [.m(targetRow(sample.y))]])
        }
        var blocks: [Block] = [
            .paragraph(
                [
                    .t("The training set has "), .m(.binary(notation.sampleCount, .equals, .integer(trace.m))),
                    .t(" sample" + (trace.m == 1 ? "" : "s") + "; each pairs an input "), .m(notation.input),
                    .t(" (\(trace.lesson.layers[0]) numbers) with a "),
                ] + named("target", notation.target) + [
                    .t(" (\(trace.lesson.layers[layerCount - 1]) numbers).")
                ]),
            .table(
                Table(
                    header: [
                        [.t("sample")], named("input", notation.input), named("target", notation.target),
                    ],
                    rows: rows, rightAligned: [true, false, false])),
        ]
        if trace.samples.prefix(Self.tableSampleCount).count < min(trace.m, Self.tableSampleCount) {
            blocks.append(.paragraph([.t("(\(trace.samples.count) of \(trace.m) samples recorded; totals cover all)")]))
        } else if trace.m > Self.tableSampleCount {
            blocks.append(.paragraph([.t("(first \(Self.tableSampleCount) of \(trace.m) samples)")]))
        }
        if let shape = trace.lesson.image {
            blocks += sampleImage(shape)
        }
        let validation = trace.lesson.validationCount
        let test = trace.lesson.testCount
        if validation + test > 0 {
            blocks.append(
                .paragraph([
                    .t(
                        "Split: \(trace.m) training, \(validation) validation and \(test) test samples. Only the training samples enter the cost and the gradients, and these 15 steps use the training samples only: the validation and test samples are held out for measuring how well a trained network generalises, which a full training run reports."
                    )
                ]))
        }
        blocks.append(
            .why([
                .t(
                    "Backpropagation runs once per sample (steps 6 and 9–12 follow sample \(sampleNumber)); the cost and its gradient are averages over all the training samples (steps 7 and 13 sum over these rows)."
                )
            ]))
        return blocks
    }

    /// The chosen sample's input as a picture, for lessons whose inputs are an image's pixels.
    private func sampleImage(_ shape: Lesson.ImageShape) -> [Block] {
        let image = SampleImage(width: shape.width, height: shape.height, pixels: sample.x)
        let format = NumberFormat(decimals: decimals)
        let last = shape.pixelCount
        // Say what the picture is meant to be, so it can be checked without step 2's table
        // (the classroom review's F19).
        var caption = ""
        if targetsAreClasses {
            let index = sample.targetClass
            let name = trace.lesson.classes.flatMap { index < $0.count ? $0[index] : nil } ?? "class \(index + 1)"
            caption = " Its target is \(name)."
        }
        return [
            .paragraph(
                [.t("Sample \(sampleNumber)'s input "), .m(notation.input)]
                    + [
                        .t(
                            " as its \(shape.width) × \(shape.height) image, row by row (input 1 top left, input \(shape.width) top right, input \(last) bottom right): the more ink, the larger the value (none for \(format.string(image.low)), full for \(format.string(image.high)))." + caption
                        )
                    ]),
            .image(image),
        ]
    }
}
