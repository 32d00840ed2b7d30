// Hostile plans: every text slot of a plan (titles, notes, units, kpi codes, urls, Markdown prose)
// carries one attack at a time, so an attack that breaks parsing cannot hide another. A payload
// that runs sets window.__pwned or opens a dialog; one that loads sets off a request.

/** Attacks written in a title or another one-line string. */
export const STRING_PAYLOADS: Record<string, string> = {
    'script tag': `<script>window.__pwned='script';alert(1)</script>`,
    'img onerror': `<img src=x onerror="window.__pwned='img'">`,
    'svg onload': `<svg onload="window.__pwned='svg'"><circle r=5 /></svg>`,
    'svg script': `<svg><script>window.__pwned='svgscript'</script></svg>`,
    'style breakout': `</style><script>window.__pwned='style'</script><style>`,
    'script breakout': `</script><script>window.__pwned='scriptbreak'</script>`,
    'title breakout': `</title><script>window.__pwned='title'</script>`,
    'attribute breakout (double)': `" onmouseover="window.__pwned='attr2'" autofocus onfocus="window.__pwned='attr2f'" x="`,
    'attribute breakout (single)': `' onfocus='window.__pwned="attr1"' autofocus x='`,
    'entities': `&lt;script&gt;window.__pwned='ent'&lt;/script&gt; &#60;img src=x onerror=alert(1)&#62; &amp;`,
    'javascript url': `javascript:window.__pwned='jsurl'`,
    'data url': `data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0nZGF0YSc8L3NjcmlwdD4=`,
    'vbscript url': `vbscript:msgbox("x")`,
    'css injection': `red;} body { background: url(http://evil.test/css.png) } a {`,
    'style element': `<style>@import url(http://evil.test/import.css); body{display:none}</style>`,
    'iframe': `<iframe src="javascript:window.__pwned='iframe'"></iframe>`,
    'meta refresh': `<meta http-equiv="refresh" content="0;url=http://evil.test/">`,
    'base href': `<base href="http://evil.test/">`,
    'link and form': `<a href="javascript:window.__pwned='a'">x</a><form action="http://evil.test/"><button>b</button></form>`,
    'mutation XSS': `<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned='mxss'">`,
    'bidi controls': `\u202Eevil\u202C \u2066isolate\u2069 \u202Dforce\u202C \u2067rtl\u2069`,
    'template syntax': `{{constructor.constructor('window.__pwned=1')()}} \${alert(1)} <%= 1 %>`,
    'markdown in a title': `[x](javascript:window.__pwned='mdtitle') ![y](http://evil.test/t.png) <http://evil.test/auto>`
};

/** Attacks written in Markdown prose. */
export const MARKDOWN_PAYLOADS: Record<string, string> = {
    'raw HTML': `<script>window.__pwned='md-script'</script>\n\n<img src=x onerror="window.__pwned='md-img'">\n\n<svg/onload=alert(1)>`,
    'javascript links': `[a](javascript:window.__pwned='md-js') [b](JaVaScRiPt:alert(1)) [c](  javascript:alert(1)) [d](java&#x73;cript:alert(1)) [e](&#106;avascript:alert(1))`,
    'other schemes': `[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [b](vbscript:msgbox) [c](file:///etc/passwd) [d](//evil.test/x) [e](relative/path)`,
    'autolinks': `<javascript:alert(1)> <data:text/html,x> www.evil.test http://evil.test/linkify mailto:a@b.test`,
    'reference links': `[a][r1] [b][r2]\n\n[r1]: javascript:window.__pwned='md-ref'\n[r2]: http://ok.test "t\\" onmouseover=\\"alert(1)"`,
    'images': `![a](http://evil.test/img.png) ![b](javascript:alert(1)) ![c](data:image/svg+xml,<svg onload=alert(1)>) ![d](x "t")`,
    'link title injection': `[x](http://ok.test "\\" onmouseover=\\"window.__pwned='md-title'") [y](mailto:a@b.test?subject=<script>)`,
    'headings and tables': `# </h1><script>window.__pwned='md-h'</script>\n\n| a | <b onclick="alert(1)">b</b> |\n|---|---|\n| &lt;script&gt; | \`<script>\` |`,
    'code': "```html\n<script>window.__pwned='md-fence'</script>\n```\n\n    <script>indented</script>",
    'bidi and entities': `\u202Ereversed\u202C \u2066isolate\u2069 &lt;b&gt; &#x3C;script&#x3E; &amp;lt;`
};

/** A one-line string literal in the plan language. */
function lit(value: string): string {
    return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\r\n]/g, ' ')}"`;
}

/** Markdown prose in the plan language (the payload never holds `"""`). */
function prose(value: string): string {
    return `"""\n${value.split('\n').map(l => `      ${l}`).join('\n')}\n      """`;
}

/** The catalogue every hostile plan references, with the payload in its titles too. */
export function hostileCatalogue(s: string): string {
    return `organisation evil ${lit(s)} { kolada 1 förvaltning dept ${lit(s)} }
mål g ${lit(s)}
roll r ${lit(s)}
källa src ${lit(s)} { url ${lit(s)} publiceras v 24 }
källa web "Web" { url "https://example.test/ok" }
jämförelsegrupp grp ${lit(s)}
`;
}

/** A plan with the string payload in every one-line slot and the Markdown payload in every prose slot. */
export function hostilePlan(id: string, s: string, m: string): string {
    return `plan ${id} ${lit(s)} {
  organisation evil dept
  år 2026
  uppföljning T1 ${lit(s)}, T2, helår ${lit(s)}
  text ${prose(m)}
  avsnitt ${lit(s)} ${prose(m)} {
    avsnitt ${lit(s)}
    enhet u ${lit(s)} {
      mål ${lit(s)} { punkt ${lit(s)} bidrar till g ${lit(s)} text ${prose(m)} }
      förbättring ${lit(s)}
      effekt ${lit(s)}
      indikator i ${lit(s)} {
        källa src kpi ${lit(s)} publiceras v 24
        bidrar till g ${lit(s)}
        måttenhet ${lit(s)}
        serie s1 ${lit(s)}
        grön >= 82
        gul 74–81
        utfall 2024: 70
        utfall 2025 s1: 90
        mäts årligen ${lit(s)}
        mäter ${lit(s)}
        ansvarig r
        rapporterar r
        fotnot ${lit(s)}
        fotnot ${prose(m)}
        aktivitet ${lit(s)} { ansvarig r senast 2026-05-01 status påbörjad mäter ${lit(s)} text ${prose(m)} }
      }
      indikator j ${lit(s)} {
        källa web
        jämfört med grp
        grön 25 % bästa
        utfall 2025: 10 bästa
      }
      budgetuppdrag b1 ${lit(s)} { belopp 150 tkr effekt ${lit(s)} aktivitet ${lit(s)} fotnot ${lit(s)} }
      kontrollområde k1 ${lit(s)} { aktivitet ${lit(s)} { status klar } }
      uppdrag m1 ${lit(s)} { mäter ${lit(s)} text ${prose(m)} }
    }
  }
}
`;
}

/** Pairs every string payload with a Markdown payload (cycling), so each of both kinds is used. */
export function hostileCases(): { name: string; id: string; string: string; markdown: string }[] {
    const strings = Object.entries(STRING_PAYLOADS);
    const markdowns = Object.entries(MARKDOWN_PAYLOADS);
    const n = Math.max(strings.length, markdowns.length);
    return Array.from({ length: n }, (_, i) => {
        const [sName, s] = strings[i % strings.length];
        const [mName, m] = markdowns[i % markdowns.length];
        return { name: `${sName} + ${mName}`, id: `hostile${i}`, string: s, markdown: m };
    });
}
