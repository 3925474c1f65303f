/// The review page's Mustache template, style and script. Every `{{value}}` is HTML-escaped by
/// swift-mustache; the only unescaped parts (`{{{css}}}`, `{{{script}}}`) are the constants below.
enum ReviewTemplate {
    static let page = """
    <!DOCTYPE html>
    <html lang="th">
    <head>
    <meta charset="utf-8"/>
    <meta name="viewport" content="width=device-width, initial-scale=1"/>
    <title>ita-extract review: {{run}}</title>
    <style>{{{css}}}</style>
    </head>
    <body>
    <header>
    <h1>ita-extract review</h1>
    <p class="run">Run <code>{{run}}</code>: {{count}} documents, {{values}} values, {{crops}} with their crop.
    Documents with trouble first (failed, partial, inconsistent checks, warnings).</p>
    <div class="bar"><input id="filter" type="search" placeholder="Filter: file, unit, status, warning code"/>
    <span id="shown"></span> <span class="keys">Keys: <kbd>j</kbd>/<kbd>k</kbd> next/previous document, <kbd>/</kbd> filter</span></div>
    <nav id="toc">{{#docs}}<a href="#{{id}}" class="t{{level}}" data-filter="{{filter}}">{{n}}. {{path}} <small>{{trouble}}</small></a>{{/docs}}</nav>
    </header>
    <main>
    {{#docs}}
    <section class="doc t{{level}}" id="{{id}}" data-filter="{{filter}}">
    <h2><span class="badge t{{level}}">{{trouble}}</span> {{path}}</h2>
    <p class="meta">doc_id <code>{{docID}}</code> · status {{status}} · {{unit}} {{year}} · {{valueCount}} values · {{warningCount}} warnings</p>
    {{#error}}<p class="error">{{error}}</p>{{/error}}
    {{#missingPDF}}<p class="error">PDF not found: {{missingPDF}} (give --pdfs DIR)</p>{{/missingPDF}}
    <ul class="warnings">{{#warnings}}<li><code>{{code}}</code> {{#page}}p. {{page}}: {{/page}}{{message}}</li>{{/warnings}}</ul>
    <table class="values"><thead><tr><th>field</th><th>value</th><th>where it was read</th></tr></thead><tbody>
    {{#values}}
    <tr class="value{{#corrected}} corrected{{/corrected}}{{#check}} check-{{check}}{{/check}}">
    <td class="label">{{label}}{{#check}}<br/><small class="check">{{check}}</small>{{/check}}</td>
    <td class="val"><span class="v">{{value}}</span>
    {{#corrected}}<div class="note">corrected by a person (extracted: <q>{{extracted}}</q>; {{reason}})</div>{{/corrected}}
    {{#gazetteer}}<div class="note">corrected from the gazetteer (printed: <q>{{extracted}}</q>)</div>{{/gazetteer}}
    </td>
    <td class="src">{{#crop}}<svg class="crop" width="{{w}}" height="{{h}}" viewBox="0 0 {{w}} {{h}}" xmlns="http://www.w3.org/2000/svg"><image width="{{w}}" height="{{h}}" href="data:image/png;base64,{{png}}"/><rect x="{{x}}" y="{{y}}" width="{{bw}}" height="{{bh}}"/></svg>{{/crop}}{{#nobox}}<span class="nobox">{{nobox}}</span>{{/nobox}}
    <div class="raw">{{#page}}p. {{page}} · {{/page}}raw: {{raw}}</div></td>
    </tr>
    {{/values}}
    </tbody></table>
    </section>
    {{/docs}}
    </main>
    <script>{{{script}}}</script>
    </body>
    </html>

    """

    static let css = """
    body { font-family: "Noto Sans Thai", "Garuda", "Laksaman", sans-serif; margin: 0; color: #1d2530; background: #fafbfc; font-size: 15px; }
    header { position: sticky; top: 0; background: #fff; border-bottom: 1px solid #d5dbe3; padding: 10px 24px; z-index: 2; }
    h1 { font-size: 22px; margin: 0 0 4px 0; } .run { margin: 0 0 8px 0; color: #4a5563; }
    .bar { display: flex; gap: 12px; align-items: center; } #filter { font: inherit; padding: 5px 8px; width: 380px; }
    .keys { color: #6b7482; font-size: 13px; } kbd { border: 1px solid #b8c2cf; border-radius: 3px; padding: 0 4px; }
    #toc { display: flex; flex-wrap: wrap; gap: 4px 10px; margin-top: 8px; max-height: 74px; overflow: auto; font-size: 13px; }
    #toc a { text-decoration: none; color: #1d2530; } #toc a.current { font-weight: bold; text-decoration: underline; }
    main { padding: 8px 24px; }
    .doc { background: #fff; border: 1px solid #d5dbe3; border-left: 6px solid #8a94a3; border-radius: 6px; margin: 14px 0; padding: 8px 14px; scroll-margin-top: 170px; }
    .doc.current { box-shadow: 0 0 0 3px #3b78c2; }
    .t0 { border-left-color: #c62828; } .t1 { border-left-color: #e65100; } .t2 { border-left-color: #b26a00; } .t3 { border-left-color: #f2c94c; } .t4 { border-left-color: #2e7d32; }
    .badge { color: #fff; border-radius: 3px; padding: 1px 6px; font-size: 13px; background: #8a94a3; }
    .badge.t0 { background: #c62828; } .badge.t1 { background: #e65100; } .badge.t2 { background: #b26a00; } .badge.t3 { background: #a07800; } .badge.t4 { background: #2e7d32; }
    h2 { font-size: 17px; margin: 4px 0; } .meta { color: #4a5563; margin: 2px 0 6px 0; }
    .error { color: #c62828; } .warnings { margin: 4px 0 8px 0; padding-left: 20px; } .warnings li { margin: 2px 0; }
    table.values { border-collapse: collapse; width: 100%; }
    table.values th, table.values td { border-top: 1px solid #e3e7ed; padding: 4px 6px; text-align: left; vertical-align: top; }
    td.label { width: 160px; color: #4a5563; } td.val { width: 260px; } .v { font-weight: bold; }
    tr.corrected td.val { background: #eef8ef; } tr.check-inconsistent td.label { color: #c62828; }
    .note { font-size: 13px; color: #2e7d32; }
    svg.crop { border: 1px solid #d5dbe3; max-width: 100%; height: auto; display: block; }
    svg.crop rect { fill: rgba(59,120,194,0.12); stroke: #d32f2f; stroke-width: 2; }
    .raw { font-size: 12px; color: #6b7482; } .nobox { color: #8a94a3; font-style: italic; }
    """

    static let script = """
    (function () {
      var q = document.getElementById('filter'), shown = document.getElementById('shown');
      var docs = Array.prototype.slice.call(document.querySelectorAll('section.doc'));
      var links = Array.prototype.slice.call(document.querySelectorAll('#toc a'));
      var current = -1;
      function visible() { return docs.filter(function (d) { return d.style.display !== 'none'; }); }
      function apply() {
        var t = q.value.trim().toLowerCase(), n = 0;
        docs.forEach(function (d, i) {
          var ok = t === '' || d.getAttribute('data-filter').indexOf(t) !== -1;
          d.style.display = ok ? '' : 'none'; links[i].style.display = ok ? '' : 'none';
          if (ok) { n++; }
        });
        shown.textContent = n + ' of ' + docs.length + ' documents';
      }
      function go(step) {
        var v = visible(); if (!v.length) { return; }
        var at = v.indexOf(docs[current]);
        var next = v[Math.max(0, Math.min(v.length - 1, at + step))];
        if (current >= 0) { docs[current].classList.remove('current'); links[current].classList.remove('current'); }
        current = docs.indexOf(next);
        next.classList.add('current'); links[current].classList.add('current');
        next.scrollIntoView();
      }
      q.addEventListener('input', apply);
      document.addEventListener('keydown', function (e) {
        if (e.target === q) { if (e.key === 'Escape') { q.blur(); } return; }
        if (e.key === 'j' || e.key === 'ArrowDown' && e.altKey) { go(1); e.preventDefault(); }
        else if (e.key === 'k' || e.key === 'ArrowUp' && e.altKey) { go(-1); e.preventDefault(); }
        else if (e.key === '/') { q.focus(); e.preventDefault(); }
      });
      apply();
    })();
    """
}
