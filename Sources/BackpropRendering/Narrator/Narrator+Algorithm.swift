extension Narrator {
    /// Backpropagation in five lines, in this narrator's notation, for the steps to point back
    /// to: the box of Ng's ex4 handout (forward pass, output error, hidden errors, gradients
    /// summed over the samples, update), each rule written as the notation sheet writes it.
    var algorithmAtAGlance: [Block] {
        [
            .heading("The algorithm at a glance"),
            .bullets([
                [.text("1. Forward pass (step 6): ")] + cell(.forward),
                [.text("2. Output error (step 10): ")] + cell(.outputError),
                [.text("3. Passed back (step 11): ")] + cell(.hiddenError),
                [.text("4. Gradients, summed over the samples (steps 12–13): ")] + cell(.gradient),
                [.text("5. Update (step 15): ")] + cell(.update),
            ]),
        ]
    }
}
