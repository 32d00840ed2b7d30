// Preview speed: how long an update of the preview takes for a 100 KB and a 1 MB plan.
//
//   node_modules/.bin/node bench/render.mjs [--runs 40]
//
// Two figures per size, each as median and p95 over the runs:
// - render: renderDocument(…, 'fragment') of a document that is already parsed and linked. This is
//   what the preview adds per update: the language server renders the document it has rebuilt for
//   its diagnostics anyway (vplan/renderPreview).
// - edit → parse + link + render: a one-value edit, then a fresh parse, link and render. This is
//   the extension-host fallback (no language server) and an upper bound for the whole update.
// The plans are the Norsjö care plan (examples/norsjo/omsorg-2026.vplan) repeated with renamed
// units and indicators until they reach the size, with the municipality's catalogue beside them.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 40;

// Bundle the language and the renderer as the shipped bundles do, then load the result.
const bundle = await esbuild.build({
    stdin: {
        contents: `
            export { createVplanCoreServices } from '@vplan/language';
            export { renderDocument } from '@vplan/preview';
            export { EmptyFileSystem, URI } from 'langium';`,
        resolveDir: root,
        loader: 'ts'
    },
    bundle: true, platform: 'node', format: 'esm', write: false, minify: !process.env.BENCH_READABLE, target: 'node22',
    mainFields: ['module', 'main'], conditions: ['import', 'module', 'default'], logLevel: 'error'
});
const lib = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);

const catalogue = readFileSync(path.join(root, 'examples/norsjo/kommun.vplan'), 'utf8');
const seed = readFileSync(path.join(root, 'examples/norsjo/omsorg-2026.vplan'), 'utf8');

/** The seed plan repeated until `bytes`, each copy's units and indicators renamed. */
function planOfSize(bytes) {
    const open = seed.indexOf('{', seed.indexOf('plan '));
    const close = seed.lastIndexOf('}');
    const head = seed.slice(0, open + 1);
    const body = seed.slice(open + 1, close);
    const parts = [head, body];
    let size = head.length + body.length;
    for (let k = 1; size + body.length / 2 < bytes; k++) {
        const copy = body
            .replace(/^\s*(organisation|år|uppföljning)\b.*$/gm, '')
            .replace(/\b(enhet|indikator)\s+(\w+)/g, (_, kw, id) => `${kw} ${id}_c${k}`);
        parts.push(copy);
        size += copy.length;
    }
    parts.push('}\n');
    return parts.join('');
}

function stats(samples) {
    const sorted = [...samples].sort((a, b) => a - b);
    const at = q => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
    return { median: at(0.5), p95: at(0.95) };
}

async function measure(label, bytes, runs) {
    const text = planOfSize(bytes);
    const services = lib.createVplanCoreServices(lib.EmptyFileSystem);
    const { LangiumDocumentFactory: factory, LangiumDocuments: documents, DocumentBuilder: builder } = services.shared.workspace;
    const shared = factory.fromString(catalogue, lib.URI.parse('file:///bench/kommun.vplan'));
    documents.addDocument(shared);
    await builder.build([shared], { validation: false });
    const uri = lib.URI.parse('file:///bench/plan.vplan');
    const build = async source => {
        if (documents.hasDocument(uri)) documents.deleteDocument(uri);
        const doc = factory.fromString(source, uri);
        documents.addDocument(doc);
        await builder.build([doc], { validation: false });
        return doc;
    };
    // Two parses of the plan, rendered in turn: every render sees a document it has not rendered
    // just before, as after an edit (nothing keyed by the syntax tree carries over).
    const docs = [];
    for (const variant of ['7,06', '7,07']) {
        const doc = await build(text.replace('utfall 2025: 7,06', `utfall 2025: ${variant}`));
        const errors = doc.parseResult.parserErrors.length + doc.parseResult.lexerErrors.length;
        if (errors > 0) throw new Error(`the generated plan has ${errors} syntax errors`);
        documents.deleteDocument(uri);
        docs.push(doc);
    }
    const renderOnly = [];
    const renderCpu = [];
    let html = '';
    for (let i = 0; i < runs + 5; i++) {
        const c = process.cpuUsage();
        const t = performance.now();
        html = lib.renderDocument(docs[i % 2], { lang: 'sv', mode: 'fragment' });
        const wall = performance.now() - t;
        const cpu = process.cpuUsage(c);
        if (i >= 5) {
            renderOnly.push(wall);
            renderCpu.push((cpu.user + cpu.system) / 1000);
        }
    }
    const full = [];
    for (let i = 0; i < Math.max(5, Math.round(runs / 2)) + 2; i++) {
        // A one-value edit, as when the user types an outcome.
        const edited = text.replace('utfall 2025: 7,06', `utfall 2025: 7,0${i % 10}`);
        const t = performance.now();
        const d = await build(edited);
        lib.renderDocument(d, { lang: 'sv', mode: 'fragment' });
        if (i >= 2) full.push(performance.now() - t);
    }
    if (process.env.BENCH_DUMP) {
        const { writeFileSync } = await import('node:fs');
        for (const [i, d] of docs.entries()) writeFileSync(`${process.env.BENCH_DUMP}/${label.replace(' ', '')}-${i}.html`, lib.renderDocument(d, { lang: 'sv', mode: 'fragment' }));
    }
    const r = stats(renderOnly);
    const rc = stats(renderCpu);
    const f = stats(full);
    const kb = (text.length / 1024).toFixed(0);
    console.log(`${label} (${kb} KB plan, ${(html.length / 1024).toFixed(0)} KB HTML)`);
    console.log(`  render (preview per update):      median ${r.median.toFixed(1)} ms   p95 ${r.p95.toFixed(1)} ms   (${renderOnly.length} runs, wall clock)`);
    console.log(`                                    median ${rc.median.toFixed(1)} ms   p95 ${rc.p95.toFixed(1)} ms   (CPU time of the process)`);
    console.log(`  edit → parse + link + render:      median ${f.median.toFixed(1)} ms   p95 ${f.p95.toFixed(1)} ms   (${full.length} runs)`);
}

const os = await import('node:os');
console.log(`node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg().map(l => l.toFixed(1)).join(' ')}`);
await measure('100 KB', 100 * 1024, RUNS);
if (!process.env.BENCH_SMALL_ONLY) await measure("1 MB", 1024 * 1024, Math.max(10, Math.round(RUNS / 3)));
