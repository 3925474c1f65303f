/// The diff report's Mustache template (DiffHTMLRenderer fills it). Every `{{value}}` is
/// HTML-escaped by swift-mustache; only the constant style and script go in unescaped.
enum DiffTemplate {
    static let page = """
    <!DOCTYPE html>
    <html lang="th" xmlns="http://www.w3.org/1999/xhtml">
    <head>
    <meta charset="utf-8"/>
    <meta name="viewport" content="width=device-width, initial-scale=1"/>
    <title>ita-extract diff</title>
    <style>/*<![CDATA[*/{{{css}}}/*]]>*/</style>
    </head>
    <body>
    <h1>ita-extract: what changed between two runs</h1>
    <p class="runs">Before: <code>{{runA}}</code>{{#versionA}} (ita-extract {{versionA}}){{/versionA}} &#8594; After: <code>{{runB}}</code>{{#versionB}} (ita-extract {{versionB}}){{/versionB}}</p>
    <section class="cards">
    {{#cards}}<div class="card {{cls}}"><div class="num">{{num}}</div><div class="lbl">{{label}}</div></div>
    {{/cards}}</section>
    <section>
    <h2>Changed values per field</h2>
    {{^changeChart}}<p class="none">No value changed.</p>
    {{/changeChart}}{{#changeChart}}<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{{width}}" height="{{height}}" role="img" aria-label="changed values per field">
    {{#bars}}<g class="bar" data-field="{{field}}"><title>{{field}}: {{changes}} changed values (click to filter)</title><text x="{{labelX}}" y="{{textY}}" text-anchor="end">{{field}}</text><rect x="{{barX}}" y="{{barY}}" width="{{w}}" height="{{h}}" rx="3"/><text class="val" x="{{valX}}" y="{{textY}}">{{changes}}</text></g>
    {{/bars}}</svg>
    {{/changeChart}}</section>
    {{#accuracyChart}}<section>
    <h2>Accuracy per category (F1 against the gold files)</h2>
    <svg class="chart acc" xmlns="http://www.w3.org/2000/svg" width="{{width}}" height="{{height}}" role="img" aria-label="F1 per category">
    <rect class="before" x="{{legendX}}" y="6" width="14" height="10"/><text x="{{legendTextX}}" y="16">before</text><rect class="after" x="{{legendX2}}" y="6" width="14" height="10"/><text x="{{legendTextX2}}" y="16">after</text>
    {{#rows}}<g><text x="{{labelX}}" y="{{textY}}" text-anchor="end">{{category}}</text>{{#bars}}<rect class="{{cls}}" x="{{x}}" y="{{y}}" width="{{w}}" height="12"/><text class="val" x="{{valX}}" y="{{valY}}">{{label}}{{#delta}} <tspan class="{{cls}}">({{text}})</tspan>{{/delta}}</text>{{/bars}}</g>
    {{/rows}}</svg>
    </section>
    {{/accuracyChart}}{{#hasMain}}<section>
    <h2>Documents and columns</h2>
    <table class="docs"><thead><tr><th>Change</th><th>Document or column</th><th>Detail</th></tr></thead><tbody>
    {{/hasMain}}{{#mainDocs}}<tr class="{{cls}}"><td>{{change}}</td><td>{{what}}</td><td>{{detail}}</td></tr>
    {{/mainDocs}}{{#hasMain}}</tbody></table>
    </section>
    {{/hasMain}}{{#contentDocs}}<section>
    <details{{#open}} open="open"{{/open}}><summary>Files whose content changed ({{count}})</summary>
    <table class="docs"><thead><tr><th>Change</th><th>Document or column</th><th>Detail</th></tr></thead><tbody>
    {{#rows}}<tr class="{{cls}}"><td>{{change}}</td><td>{{what}}</td><td>{{detail}}</td></tr>
    {{/rows}}</tbody></table>
    </details>
    </section>
    {{/contentDocs}}<section>
    <h2>Changed values</h2>
    <div class="filters"><input id="filter" type="search" placeholder="Filter by document, field or key"/><select id="field"><option value="">all fields</option>{{#fields}}<option value="{{field}}">{{field}} ({{changes}})</option>{{/fields}}</select> <span id="shown">{{changeCount}} of {{changeCount}} shown</span></div>
    <table id="changes"><thead><tr><th>Document</th><th>Field</th><th>Key</th><th>Before</th><th>After</th></tr></thead><tbody>
    {{#changes}}<tr data-field="{{field}}" data-text="{{text}}"><td>{{document}}</td><td>{{field}}</td><td>{{key}}</td><td class="before">{{#before}}{{#none}}<span class="none">{{none}}</span>{{/none}}{{value}}{{/before}}</td><td class="after">{{#after}}{{#none}}<span class="none">{{none}}</span>{{/none}}{{value}}{{/after}}</td></tr>
    {{/changes}}</tbody></table>
    </section>
    <script>//<![CDATA[
    {{{script}}}
    //]]></script>
    </body>
    </html>

    """
}
