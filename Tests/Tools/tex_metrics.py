#!/usr/bin/env python3
"""Measures, with pdflatex itself, the widths MathWidth uses to choose an equation's size.

Typesets each glyph and construct the LaTeX math writer emits (digits, the decimal point, the
minus sign, letters, operators with TeX's own spacing, matrix brackets and column gaps,
scripts, fractions...) in a box, in the slides' own setting (beamer, 11 pt, lmodern, T1,
\\arraycolsep 3.5pt) and reads \\wd back. Prints Sources/BackpropRendering/Renderers/LaTeX/
TeXMetrics.swift on stdout:

    python3 Tests/Tools/tex_metrics.py > Sources/BackpropRendering/Renderers/LaTeX/TeXMetrics.swift

Run it again only when the preamble's fonts change; export never needs TeX.
"""
import os, re, subprocess, sys, tempfile

# name -> (math to typeset, math to subtract) ; width = wd(a) - wd(b), in em of the 11 pt font.
LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
GREEK = {"α": r"\alpha", "δ": r"\delta", "ε": r"\varepsilon", "λ": r"\lambda", "η": r"\eta", "σ": r"\sigma",
         "Θ": r"\Theta", "Δ": r"\Delta", "∇": r"\nabla", "Σ": r"\Sigma", "θ": r"\theta", "μ": r"\mu",
         "∑": r"\sum", "∂": r"\partial"}
MEASURES = {
    "digit": ("0", ""),
    "point": (".", ""),
    "unaryMinus": ("-0", "0"),
    "binaryOperator": ("a+b", "ab"),
    "hadamard": (r"a\odot b", "ab"),
    "dot": (r"a\cdot b", "ab"),
    "relation": ("a=b", "ab"),
    "approximately": (r"a\approx b", "ab"),
    "assign": ("a:=b", "ab"),
    "punctuation": ("a,b", "ab"),
    "matrixBrackets1": (r"\begin{bmatrix} 0 \end{bmatrix}", "0"),
    "matrixBrackets3": (r"\begin{bmatrix} 0 \\ 0 \\ 0 \end{bmatrix}", "0"),
    "matrixBrackets6": (r"\begin{bmatrix} 0 \\ 0 \\ 0 \\ 0 \\ 0 \\ 0 \end{bmatrix}", "0"),
    "matrixBrackets12": (r"\begin{bmatrix} 0 \\ 0 \\ 0 \\ 0 \\ 0 \\ 0 \\ 0 \\ 0 \\ 0 \\ 0 \\ 0 \\ 0 \end{bmatrix}", "0"),
    "matrixColumnGap": (r"\begin{bmatrix} 0 & 0 \end{bmatrix}", r"\begin{bmatrix} 00 \end{bmatrix}"),
    "growingParentheses": (r"\left(\begin{bmatrix} 0 \\ 0 \\ 0 \end{bmatrix}\right)", r"\begin{bmatrix} 0 \\ 0 \\ 0 \end{bmatrix}"),
    "parentheses": ("(a)", "a"),
    "scriptDigit": ("a^{00}", "a^{0}"),
    "transpose": (r"a^{\mathsf{T}}", "a"),
    "prime": ("g'", "g"),
    "fractionPadding": (r"\frac{0}{0}", "0"),
    "sum": (r"\sum_{i} a", "a"),
    "cdots": (r"\cdots", ""),
    "alignedOverhead": (r"\begin{aligned} a &= b \end{aligned}", "a=b"),
    "timesTight": (r"{\times}", ""),
    "uprightLetter": (r"\mathrm{x}", ""),
    "textCharacter": (r"\text{abcdefghijklmnopqrstuvwxyz }", ""),
}
for ch in LETTERS:
    MEASURES["letter_" + ch] = (ch, "")
for ch, cmd in GREEK.items():
    MEASURES["letter_" + ch] = (cmd, "")
for ch in LETTERS:
    MEASURES["upright_" + ch] = (r"\mathrm{%s}" % ch, "")

def run():
    names = list(MEASURES)
    body = []
    for i, name in enumerate(names):
        a, b = MEASURES[name]
        body.append(r"\setbox0=\hbox{$\displaystyle %s$}\setbox2=\hbox{$\displaystyle %s$}"
                    r"\immediate\write\out{%s \the\wd0\space\the\wd2}" % (a, b, name))
    # Matrix row heights: height + depth of bmatrix with 1 and 9 rows.
    rows9 = r" \\ ".join(["0"] * 9)
    body.append(r"\setbox0=\hbox{$\begin{bmatrix} 0 \end{bmatrix}$}\setbox2=\hbox{$\begin{bmatrix} %s \end{bmatrix}$}"
                r"\immediate\write\out{matrixRowHeight \the\dimexpr\ht2+\dp2\relax\space \the\dimexpr\ht0+\dp0\relax}" % rows9)
    body.append(r"\immediate\write\out{baselineskip \the\baselineskip\space 0pt}")
    body.append(r"\immediate\write\out{textwidth \the\textwidth\space 0pt}")
    body.append(r"\immediate\write\out{em \the\fontdimen6\font\space 0pt}")
    doc = (r"""\documentclass[11pt,aspectratio=169]{beamer}
\usepackage[T1]{fontenc}\usepackage{lmodern}
\setlength{\arraycolsep}{3.5pt}
\newwrite\out\immediate\openout\out=metrics.txt
\begin{document}\begin{frame}
%s
\immediate\closeout\out
x\end{frame}\end{document}
""" % "\n".join(body))
    with tempfile.TemporaryDirectory() as d:
        open(os.path.join(d, "m.tex"), "w").write(doc)
        r = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "m.tex"], cwd=d,
                           capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit("pdflatex failed:\n" + r.stdout[-2000:])
        lines = open(os.path.join(d, "metrics.txt")).read().split("\n")
    values = {}
    for line in lines:
        # "name 5.47499pt0.0pt": TeX ends the register number at the space, eating it.
        m = re.match(r"(\S+) (-?[0-9.]+)pt ?(-?[0-9.]+)pt$", line.strip())
        if m:
            values[m.group(1)] = (float(m.group(2)), float(m.group(3)))
    return values

# Samples of what the decks print, set at each size of a class to find how much narrower a
# smaller size really is: lmodern's small sizes are drawn wider, and \arraycolsep does not
# shrink, so 8 pt math is about 0.81 as wide as 11 pt math, not 8/11.
SAMPLES = [
    r"z^{(3)} = \begin{bmatrix} 0.0000 & 0.5000 & -0.4000 & 0.3000 \\ 0.1000 & -0.2000 & 0.6000 & 0.1000 \end{bmatrix}\begin{bmatrix} 1.0000 \\ 0.5125 \end{bmatrix}",
    r"\frac{\partial J^{(i)}}{\partial \Theta^{(2)}_{11}} = \delta^{(3)}_{1} \cdot a^{(2)}_{1} + \mathrm{net}_{h1}",
    r"= 0.51457 \cdot (-0.07568) + (-0.48887) \cdot (-0.09589) \odot g'(z)",
    r"\begin{bmatrix} -1.49{\times}10^{-3} & 4.16{\times}10^{-5} \end{bmatrix}",
]
SIZES = ["normalsize", "small", "footnotesize", "scriptsize"]

def size_scales(documentclass, preamble):
    body = []
    for i, sample in enumerate(SAMPLES):
        for size in SIZES:
            body.append(r"{\%s\setbox0=\hbox{$\displaystyle %s$}\immediate\write\out{s%d%s \the\wd0}}" % (size, sample, i, size))
    doc = documentclass + preamble + r"""
\newwrite\out\immediate\openout\out=sizes.txt
\begin{document}
%s
\immediate\closeout\out
x\end{document}
""" % "\n".join(body)
    with tempfile.TemporaryDirectory() as d:
        open(os.path.join(d, "s.tex"), "w").write(doc)
        r = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "s.tex"], cwd=d,
                           capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit("pdflatex failed:\n" + r.stdout[-2000:])
        widths = {}
        for line in open(os.path.join(d, "sizes.txt")).read().split("\n"):
            m = re.match(r"(\S+) (-?[0-9.]+)pt$", line.strip())
            if m:
                widths[m.group(1)] = float(m.group(2))
    scales = []
    for size in SIZES:
        scales.append(max(widths["s%d%s" % (i, size)] / widths["s%dnormalsize" % i] for i in range(len(SAMPLES))))
    return scales

def main():
    v = run()
    slides = size_scales(r"\documentclass[11pt,aspectratio=169]{beamer}",
                         r"\usepackage[T1]{fontenc}\usepackage{lmodern}\setlength{\arraycolsep}{3.5pt}")
    article = size_scales(r"\documentclass[10pt]{article}",
                          r"\usepackage[T1]{fontenc}\usepackage{lmodern}\usepackage{amsmath}")
    em = v["em"][0]
    w = lambda k: (v[k][0] - v[k][1]) / em
    out = []
    out.append("// Generated by Tests/Tools/tex_metrics.py from pdflatex's own boxes (beamer, 11 pt,")
    out.append("// lmodern, T1, \\arraycolsep 3.5pt); do not edit, rerun the script.")
    out.append("")
    out.append("/// Widths of the glyphs and constructs `LaTeXMathWriter` emits, in em of the normal size, as")
    out.append("/// TeX set them in display style (each is `\\wd` of a box less `\\wd` of the box without it).")
    out.append("enum TeXMetrics {")
    scalars = ["digit", "point", "unaryMinus", "binaryOperator", "hadamard", "dot", "relation", "approximately",
               "assign", "punctuation", "matrixBrackets1", "matrixBrackets3", "matrixBrackets6", "matrixBrackets12",
               "matrixColumnGap", "growingParentheses", "parentheses", "transpose", "prime", "fractionPadding", "sum",
               "cdots", "timesTight", "uprightLetter", "alignedOverhead"]
    for k in scalars:
        out.append("    static let %s = %.4f" % (k, w(k)))
    out.append("    /// A digit in a script, relative to a digit at the base size.")
    out.append("    static let scriptScale = %.4f" % ((v["scriptDigit"][0] - v["scriptDigit"][1]) / em / w("digit")))
    out.append("    /// Average width of a character of `\\text{}` (lower-case letters and space).")
    out.append("    static let textCharacter = %.4f" % (w("textCharacter") / 27))
    out.append("    /// The height of one more matrix row, in lines of the slide's 11 pt text (\\baselineskip).")
    out.append("    static let matrixRowLines = %.4f" % (((v["matrixRowHeight"][0] - v["matrixRowHeight"][1]) / 8) / v["baselineskip"][0]))
    out.append("    /// beamer's 16:9 text width, in em.")
    out.append("    static let textWidth169 = %.4f" % (v["textwidth"][0] / em))
    out.append("    /// How wide math set at the small, footnote and script sizes is relative to the normal size")
    out.append("    /// (the widest ratio over the script's samples), on slides (11 pt: 10, 9, 8 pt) and in")
    out.append("    /// the article (10 pt: 9, 8, 7 pt).")
    out.append("    static let slideSizeScales: [Double] = [%s]" % ", ".join("%.4f" % x for x in slides))
    out.append("    static let articleSizeScales: [Double] = [%s]" % ", ".join("%.4f" % x for x in article))
    out.append("    /// Math-italic (or upright Greek) letters, by character.")
    out.append("    static let letters: [Character: Double] = [")
    letters = [k for k in v if k.startswith("letter_")]
    for k in sorted(letters):
        out.append('        "%s": %.4f,' % (k[len("letter_"):], w(k)))
    out.append("    ]")
    out.append("    /// Upright (\\mathrm) letters, by character: the letters of multi-letter names (net, out).")
    out.append("    static let uprightLetters: [Character: Double] = [")
    for k in sorted(k for k in v if k.startswith("upright_")):
        out.append('        "%s": %.4f,' % (k[len("upright_"):], w(k)))
    out.append("    ]")
    out.append("}")
    print("\n".join(out))

main()
