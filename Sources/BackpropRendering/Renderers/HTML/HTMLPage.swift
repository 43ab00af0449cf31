import BackpropCore

/// The page around the steps: head (charset, Content-Security-Policy, viewport, title, style),
/// the control bar, the title pages, every step in every notation, the key help, the blank
/// screen, the page data and the presenter script.
///
/// The Content-Security-Policy is `default-src 'none'` with the page's one `<style>` and one
/// `<script>` allowed by their SHA-256 hashes (not `'unsafe-inline'`): should a lesson string
/// ever slip through escaping as markup, a script or style it brought would still not run.
/// So the markup carries no `style="…"` attributes and no inline event handlers; the page
/// data is a `<script type="application/json">`, which is never executed.
struct HTMLPage {
    var renderer: HTMLRenderer
    var editions: NarrativeEditions

    /// The CSP of a page whose only style and script are `style` and `script`.
    static func contentSecurityPolicy(style: String, script: String) -> String {
        "default-src 'none'; style-src 'sha256-\(SHA256.base64Digest(style))'; "
            + "script-src 'sha256-\(SHA256.base64Digest(script))'; base-uri 'none'; form-action 'none'"
    }

    var text: String {
        let narratives = editions.narratives
        let first = narratives.first
        let title = first?.title ?? "backprop-tutor"
        let style = PageStyle.css
        let script = PageScript.javaScript
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\""
            + Self.contentSecurityPolicy(style: style, script: script) + "\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"backprop-tutor\">\n"
        out += "<title>" + XMLEscaping.escaped(title) + "</title>\n"
        out += "<style>" + style + "</style>\n</head>\n<body>\n"
        out += controlBar
        out += "<main id=\"main\">\n"
        for (index, narrative) in narratives.enumerated() {
            let derivations = index < editions.derivations.count ? editions.derivations[index] : []
            out += titleSection(narrative)
            let figure = narrative.preface.lazy.compactMap { block -> NetworkFigure? in
                if case .figure(let figure) = block { return figure } else { return nil }
            }.first
            for section in narrative.sections {
                out += renderer.section(
                    section, notation: narrative.notation, figure: figure,
                    trainingPlot: section.number == Step.gradientDescent.number ? editions.trainingPlot : nil,
                    trained: section.number == Step.gradientDescent.number ? editions.trained : nil,
                    linksWeights: !derivations.isEmpty)
            }
            out += renderer.derivationStore(derivations, notation: narrative.notation)
        }
        out += "</main>\n"
        out += helpDialog
        out += "<div id=\"deriv\" role=\"dialog\" aria-label=\"the chain rule for one weight\" hidden>"
            + "<button type=\"button\" id=\"deriv-close\" aria-label=\"close\">×</button><div id=\"deriv-body\"></div></div>\n"
        out += "<div id=\"blank\" hidden></div>\n"
        out += "<script type=\"application/json\" id=\"page-data\">" + ScriptData.json(pageData) + "</script>\n"
        out += "<script>" + script + "</script>\n</body>\n</html>\n"
        return out
    }

    /// What the script needs to know: the title, the notations (the first is the one the page
    /// opens in) and the step numbers present, 0 being the title page.
    var pageData: ScriptData.Value {
        let notations = editions.narratives.compactMap(\.notation)
        let steps = [0] + (editions.narratives.first?.sections.map(\.number) ?? [])
        return .object([
            ("title", .string(editions.narratives.first?.title ?? "")),
            ("notations", .array(notations.map { .string($0.rawValue) })),
            ("steps", .array(steps.map(ScriptData.Value.int))),
        ])
    }

    /// The bar of buttons: every control the keys have, reachable with Tab.
    var controlBar: String {
        """
        <header id="bar">
        <button type="button" id="prev" title="previous line (←)" aria-label="previous line">←</button>
        <button type="button" id="next" title="next line (→, Space)" aria-label="next line">→</button>
        <span id="where" aria-live="polite"></span>
        <button type="button" id="notation" title="switch notation (n)"></button>
        <button type="button" id="all" title="show the whole step (a)">all</button>
        <button type="button" id="blank-button" title="blank the screen (b)">blank</button>
        <button type="button" id="help-button" title="keys (?)" aria-label="keys">?</button>
        </header>

        """
    }

    /// The keys, as README's key map states them.
    var helpDialog: String {
        let rows = PageScript.keyMap.map { "<tr><th>" + XMLEscaping.escaped($0.keys) + "</th><td>" + XMLEscaping.escaped($0.action) + "</td></tr>" }
        return "<div id=\"help\" role=\"dialog\" aria-label=\"keys\" hidden><h2>Keys</h2><table>" + rows.joined()
            + "</table><p>Tap the right of a step to go on, the left to go back. Any key closes this help.</p></div>\n"
    }

    /// The title page in one notation: title, the lesson's own summary and the setup, and the
    /// network with its weights but no activation or δ (classroom review F1).
    func titleSection(_ narrative: Narrative) -> String {
        let notation = narrative.notation.map { " data-notation=\"\(XMLEscaping.escaped($0.rawValue))\"" } ?? ""
        let id = "s0-" + (narrative.notation?.rawValue ?? "x")
        var out = "<section class=\"step title\" id=\"\(XMLEscaping.escaped(id))\" data-step=\"0\"\(notation) data-stages=\"1\">\n"
        out += "<h1>" + XMLEscaping.escaped(narrative.title) + "</h1>\n<div class=\"cols\">"
        var prose = ""
        var figure: NetworkFigure?
        for block in narrative.preface {
            if case .figure(let found) = block {
                figure = found
            } else {
                prose += renderer.block(block, stage: 0)
            }
        }
        if let figure { out += renderer.sideFigure(figure, step: 0, id: id) }
        out += "<div class=\"prose\">" + prose
        out += "<p class=\"hint\">Press → or Space to begin, or tap the right of the page; ? lists the keys.</p></div></div>\n</section>\n"
        return out
    }
}
