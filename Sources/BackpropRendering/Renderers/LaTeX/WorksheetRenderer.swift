/// A worksheet as a LaTeX article: the steps with every number the learner works out left as an
/// empty box (`Worksheet.questions`), an ex4-style checkpoint after the cost, then, from a new
/// page under the heading "Answer key", every result (`Worksheet.answerKey`).
///
/// The title carries the lesson's variant ("(variant 3)") and the sheet says how to check one's
/// own numbers with `diagnose`, with the options that choose this lesson and variant.
public struct WorksheetRenderer: NarrativeRenderer {
    public static let format = OutputFormat.worksheet
    public static let fileExtension = "worksheet.tex"
    public static let abilities: FormatAbilities = [.exportDocuments, .latex]
    public static let summary = "a LaTeX worksheet: results left blank, an answer key on its own pages"

    /// The article renderer the questions and the key are printed with.
    let latex: LaTeXRenderer
    /// The options that choose the lesson, for the `diagnose` line.
    let lessonOptions: String

    public init(options: RenderOptions) {
        latex = LaTeXRenderer(decimals: options.decimals)
        lessonOptions = options.lessonOptions
    }

    /// The decimals the answers are written to.
    var decimals: Int { latex.decimals }

    public func document(_ narrative: Narrative) -> String {
        let questions = Worksheet.questions(narrative)
        var text = latex.opening(title: "Worksheet: " + narrative.title)
        // Room to write in the boxes of a column: rows of matrices and tables set apart.
        text += "\\renewcommand{\\arraystretch}{1.6}\n"
        text += "\\noindent Name: \\rule{6cm}{0.4pt}\\hfill Date: \\rule{3cm}{0.4pt}\n\n"
        text += latex.inline(instructions) + "\n\n"
        text += latex.blocks(questions.preface)
        for section in LaTeXRenderer.once(questions) {
            text += latex.bookmarkedFragment(section)
        }
        text += "\\clearpage\n\\pdfbookmark[0]{Answer key}{answer-key}\n\\section*{Answer key}\n\n"
        for section in Worksheet.answerKey(narrative) {
            text += "\\subsection*{Step \(section.number): \(LaTeXEscaping.text(section.title))}\n\n"
            text += latex.blocks(section.blocks)
        }
        text += "\\end{document}\n"
        return text
    }

    /// What the learner is asked to do, and how to check their numbers.
    var instructions: [Inline] {
        var items: [Inline] = [
            .t("Fill in every box, working from the formulas above it and the numbers the lesson gives. "),
            .t("Write numbers to \(decimals) decimal places. The answer key starts on a new page. "),
        ]
        if !lessonOptions.isEmpty {
            items += [
                .t("To check your numbers, type them into a file by name (a2, delta3, Theta1_grad, …) and run "),
                .code("backprop-tutor diagnose answers.txt " + lessonOptions), .t("."),
            ]
        }
        return items
    }

    public func fragment(_ section: Section) -> String {
        latex.fragment(Worksheet.questions(Narrative(title: "", sections: [section])).sections[0])
    }
}

extension OutputFormat {
    /// A LaTeX worksheet with blanks and an answer key.
    public static let worksheet = OutputFormat(rawValue: "worksheet")
}
