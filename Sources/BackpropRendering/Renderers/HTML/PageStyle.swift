/// The page's one style sheet: projector-sized type, the figure beside the equations on wide
/// screens and above them on phones, no sideways scrolling of the page (wide equations and
/// tables scroll in their own box), light and dark colours (`prefers-color-scheme`), no
/// animation under `prefers-reduced-motion`, and a print sheet that prints the current
/// notation as a handout, every line shown and the figure on each step.
///
/// Colours of kinds of quantity (the highlights and their legend): activations a blue,
/// weighted inputs z bluish green, errors δ vermilion, gradients reddish purple (Okabe–Ito,
/// readable by colour-blind viewers); negative weights are also dashed.
enum PageStyle {
    static let css = """
        :root{color-scheme:light dark;--fg:#111;--bg:#fff;--muted:#555;--line:#ccc;--pos:#0072b2;--neg:#d55e00;\
        --delta:#b3261e;--ka:#0072b2;--kz:#009e73;--kd:#d55e00;--kg:#cc79a7;--bar:#f4f4f4}
        @media (prefers-color-scheme:dark){:root{--fg:#eee;--bg:#121212;--muted:#aaa;--line:#444;--pos:#56b4e9;\
        --neg:#e69f00;--delta:#ff8a80;--ka:#56b4e9;--kz:#33c7a0;--kd:#e69f00;--kg:#e3a0c8;--bar:#1e1e1e}}
        html{font-size:clamp(17px,14px + 0.65vw,26px);scroll-padding-top:3.5em;scroll-padding-bottom:1em}
        body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;line-height:1.45;\
        background:var(--bg);color:var(--fg)}
        #bar{position:sticky;top:0;z-index:2;display:flex;flex-wrap:wrap;gap:.35em;align-items:center;\
        padding:.25em .6em;background:var(--bar);border-bottom:1px solid var(--line);font-size:.8rem}
        #bar button{font:inherit;min-width:2.4em;min-height:2.2em;padding:0 .5em;border:1px solid var(--line);\
        border-radius:.3em;background:var(--bg);color:var(--fg);cursor:pointer}
        #where{flex:1 1 auto;min-width:6em}
        button:focus-visible,[tabindex]:focus-visible{outline:3px solid var(--ka);outline-offset:2px}
        main{padding:.4em 1em 4em;box-sizing:border-box;max-width:100%}
        h1{font-size:1.7em;margin:.4em 0}
        h2{font-size:1.35em;margin:.3em 0 .4em}
        h2 .num{color:var(--muted);font-weight:normal;margin-right:.3em}
        h3{font-size:1.1em;margin:.8em 0 .3em}
        .cols{display:flex;flex-direction:column;gap:.6em}
        .side{margin:0}
        .side svg{display:block;width:100%;height:auto;max-height:45vh}
        .side figcaption,.curve figcaption,.map figcaption,.hidden-units figcaption{font-size:.75em;color:var(--muted)}
        .prose{min-width:0;max-width:46em;overflow-wrap:anywhere}
        @media (min-width:900px){.cols{flex-direction:row;align-items:flex-start;gap:1.5em}\
        .side{flex:0 0 40%;position:sticky;top:3em}.side svg{max-height:70vh}.prose{flex:1 1 0}}
        p,ul{margin:.5em 0}
        .why{border-left:4px solid var(--line);padding-left:.6em}
        .conv{color:var(--muted);font-size:.9em}
        .hint{color:var(--muted)}
        code{font-size:.9em;overflow-wrap:anywhere}
        math{font-size:1.08em}
        @media (max-width:600px){svg.net .wl{display:none}#bar{font-size:.7rem;gap:.25em}#bar button{min-width:2em}        #where{min-width:0}}
        .wide{display:inline-block;max-width:100%;overflow-x:auto;overflow-y:hidden;vertical-align:middle}
        .eqbox,.tbox{overflow-x:auto;max-width:100%;margin:.5em 0}
        .eq{display:grid;grid-template-columns:max-content max-content max-content;align-items:baseline;\
        column-gap:.3em;row-gap:.35em;width:max-content;padding:.1em 0}
        .ln{display:contents}
        .lhs{text-align:right}
        .cm{color:var(--muted);font-size:.8em;padding-left:.8em}
        mtable.mx mtd{text-align:right}
        table{border-collapse:collapse}
        th,td{padding:.1em .6em;border-bottom:1px solid var(--line);text-align:left;vertical-align:baseline}
        th.r,td.r{text-align:right}
        .later{visibility:hidden;opacity:0}
        body.js .step:not(.on){display:none}
        svg.net circle{fill:var(--bg);stroke:var(--fg);stroke-width:2}
        svg.net .bias circle{stroke-dasharray:4 3}
        svg.net text{fill:var(--fg);font-size:19px;font-family:inherit}
        svg.net .label.small{font-size:14px}
        svg.net .cap,svg.net .gap{fill:var(--muted);font-size:16px}
        svg.net .va{fill:var(--ka);font-size:16px}
        svg.net .vd{fill:var(--delta);font-size:16px}
        svg.net .cls{font-size:16px}
        svg.net line.w{stroke-opacity:.85}
        svg.net line.pos{stroke:var(--pos)}
        svg.net line.neg{stroke:var(--neg);stroke-dasharray:6 3}
        svg.net .wl{font-size:16px;paint-order:stroke;stroke:var(--bg);stroke-width:3px}
        svg.net.hl line.w{stroke-opacity:.25}
        svg.net line.w.hl-w{stroke-opacity:1;stroke-width:6px}
        svg.net line.w.hl-g{stroke:var(--kg);stroke-opacity:1;stroke-width:6px;stroke-dasharray:none}
        svg.net .unit.hl-a circle{stroke:var(--ka);stroke-width:6}
        svg.net .unit.hl-z circle{stroke:var(--kz);stroke-width:6}
        svg.net .unit.hl-d circle{stroke:var(--kd);stroke-width:6}
        .ln.now>div{background:linear-gradient(transparent 70%,rgba(128,128,128,.18) 70%)}
        .hk{display:inline-block;padding:0 .35em;border:3px solid;border-radius:1em;margin:0 .15em;line-height:1.2}
        .hk.a{border-color:var(--ka)}.hk.z{border-color:var(--kz)}.hk.d{border-color:var(--kd)}
        .hk.g{border-color:var(--kg)}.hk.w{border-color:var(--fg)}
        .key::before{content:"";display:inline-block;width:1.6em;height:0;margin-right:.3em;vertical-align:middle;\
        border-top:3px solid var(--pos)}
        .key.neg::before{border-top:3px dashed var(--neg)}
        .map,.hidden-units{margin:.8em 0}
        .map svg,.hidden-units svg{width:100%;height:auto;max-width:34em}
        .slider{display:flex;flex-wrap:wrap;gap:.5em;align-items:center}
        .slider input{flex:1 1 10em;min-width:0}
        .curve{margin:.8em 0}
        .curve svg{width:100%;height:auto;max-width:40em}
        .img svg{width:8em;height:auto;border:1px solid var(--line)}
        .pix .frame{fill:#fff}
        svg.net line.w[tabindex]{cursor:pointer}
        #deriv{position:fixed;left:2%;right:2%;bottom:2%;z-index:9;max-height:60vh;overflow:auto;background:var(--bg);\
        border:2px solid var(--kg);padding:.6em 1em;box-sizing:border-box}
        #deriv-close{float:right;font:inherit;min-width:2.2em;min-height:2.2em}
        #blank{position:fixed;inset:0;background:#000;z-index:10}
        #help{position:fixed;inset:4% 6%;z-index:11;overflow:auto;background:var(--bg);border:2px solid var(--fg);\
        padding:.8em 1.2em;box-sizing:border-box}
        #help th{white-space:nowrap;padding-right:1em}
        #selftest-verdict{white-space:pre-wrap;overflow-wrap:anywhere;font-size:.7em}
        [hidden]{display:none!important}
        @media (prefers-reduced-motion:no-preference){[data-stage]{transition:opacity .25s}html{scroll-behavior:smooth}}
        @media print{#bar,#help,#blank{display:none!important}html{font-size:11pt}\
        body.js .step.cur{display:block!important}body.js .step:not(.cur){display:none!important}\
        .step{break-before:page}.later{visibility:visible;opacity:1}.side{position:static}\
        .side svg{max-height:9cm;width:auto;max-width:100%}.cols{flex-direction:column}\
        .eqbox,.tbox{overflow:visible}.eq{width:auto}}
        """
}
