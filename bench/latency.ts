// Editor latency, in process: the language server's services without a client, fed edits the way
// the LSP document-update handler feeds them (the text document changes, then DocumentBuilder.update).
//
//   npm run bench:latency                 all scenarios
//   npm run bench:latency -- single       the 100 KB and 1 MB plans only
//   npm run bench:latency -- workspace    the 1,000-plan workspace only
//   npm run bench:latency -- --json       also prints { "scenarios": [{ name, n, median_ms, p95_ms }] }
//                                         on stdout; the lines and Markdown table go to stderr
//
// Prints median and p95 (ms) per measurement.
import { DocumentState, EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { setTextDocument } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createVplanServices } from '../packages/language/src/index.js';
import type { VplanDocumentFactory } from '../packages/language/src/lsp/document-factory.js';
import type { VplanDocumentValidator } from '../packages/language/src/validation/index.js';
import { generatePlan, random, sharedFile } from './plan-generator.js';

type Services = ReturnType<typeof createVplanServices>;

const results: Array<{ name: string; scenario: string; what: string; n: number; median: number; p95: number; max: number }> = [];

const json = process.argv.includes('--json');
/** With --json, stdout carries only the JSON: everything for people goes to stderr. */
const print = json ? (line: string) => process.stderr.write(`${line}\n`) : (line: string) => console.log(line);

/** A stable name for the JSON: the given one, or the scenario and measurement as a slug. */
function slug(text: string): string {
    return text.toLowerCase().replace(/[åä]/g, 'a').replace(/ö/g, 'o').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function percentile(sorted: number[], p: number): number {
    return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

function record(scenario: string, what: string, samples: number[], name: string): void {
    const sorted = [...samples].sort((a, b) => a - b);
    const row = { name, scenario, what, n: samples.length, median: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), max: sorted[sorted.length - 1] };
    results.push(row);
    print(`${scenario.padEnd(28)} ${what.padEnd(44)} n=${String(row.n).padStart(3)}  median ${row.median.toFixed(1).padStart(7)} ms  p95 ${row.p95.toFixed(1).padStart(7)} ms  max ${row.max.toFixed(1).padStart(7)} ms`);
    // VPLAN_BENCH_SAMPLES=1 prints every sample in order (to tell warm-up from steady state).
    if (process.env.VPLAN_BENCH_SAMPLES) print(`  samples: ${samples.map(x => x.toFixed(0)).join(' ')}`);
}

/**
 * The documents open in the "editor" (by default all): the builder reads an open document's text from
 * the editor, the others from disk, and rebuilds the open ones first.
 */
async function createWorkspace(files: Record<string, string>, isOpen: (name: string) => boolean = () => true): Promise<{ services: Services; documents: Map<string, LangiumDocument>; versions: Map<string, number>; open: Set<string> }> {
    const services = createVplanServices(EmptyFileSystem);
    await services.shared.workspace.ConfigurationProvider.initialized({});
    services.Vplan.i18n.Locale.lang = 'sv';
    const documents = new Map<string, LangiumDocument>();
    const versions = new Map<string, number>();
    const open = new Set<string>();
    for (const [name, text] of Object.entries(files)) {
        const uri = `file:///bench/${name}`;
        // Open in the "editor", as the client would: the builder reads the text from there.
        if (isOpen(name)) {
            setTextDocument(services.shared, TextDocument.create(uri, 'vplan', 1, text));
            open.add(uri);
        }
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(uri));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        documents.set(name, document);
        versions.set(name, 1);
    }
    const start = performance.now();
    await services.shared.workspace.DocumentBuilder.build([...documents.values()], { validation: true });
    print(`  built ${documents.size} document(s), ${(Object.values(files).reduce((n, t) => n + t.length, 0) / 1024).toFixed(0)} KB, in ${(performance.now() - start).toFixed(0)} ms`);
    return { services, documents, versions, open };
}

/**
 * One-character edit: replaces the character at `offset`, then rebuilds. Returns the time until the
 * edited document's diagnostics are ready (its validation done) and until the whole update is done.
 */
async function edit(ws: Awaited<ReturnType<typeof createWorkspace>>, name: string, offset: number, char: string): Promise<{ own: number; openEditors: number; all: number; cpu: number; phases: number[]; relinked: number }> {
    const { services, versions } = ws;
    const uri = `file:///bench/${name}`;
    const current = services.shared.workspace.TextDocuments.get(uri)!;
    const text = current.getText();
    const next = text.slice(0, offset) + char + text.slice(offset + 1);
    const version = (versions.get(name) ?? 1) + 1;
    versions.set(name, version);
    let own = -1;
    // When the last open editor re-validated by this update had its diagnostics.
    let openEditors = -1;
    const start = performance.now();
    const listener = services.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, document => {
        const validated = document.uri.toString();
        if (validated === uri && own < 0) own = performance.now() - start;
        if (ws.open.has(validated)) openEditors = performance.now() - start;
    });
    // When each build phase (parse, index, scopes, link, index references, validate) was done.
    const phaseEnds: number[] = [];
    const phaseListeners = [1, 2, 3, 4, 5, 6].map(state =>
        services.shared.workspace.DocumentBuilder.onBuildPhase(state, () => { phaseEnds[state - 1] ??= performance.now() - start; }));
    let relinked = 0;
    const linkListener = services.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Linked, () => { relinked++; });
    const cpuStart = process.cpuUsage();
    setTextDocument(services.shared, TextDocument.create(uri, 'vplan', version, next));
    await services.shared.workspace.DocumentBuilder.update([URI.parse(uri)], []);
    const all = performance.now() - start;
    const cpuUsed = process.cpuUsage(cpuStart);
    listener.dispose();
    phaseListeners.forEach(l => l.dispose());
    linkListener.dispose();
    const phases = phaseEnds.map((end, i) => end - (i === 0 ? 0 : phaseEnds[i - 1] ?? 0));
    return { own: own < 0 ? all : own, openEditors: openEditors < 0 ? all : openEditors, all, cpu: (cpuUsed.user + cpuUsed.system) / 1000, phases, relinked };
}

/** Offsets of the digits of outcome values: a digit edit keeps the plan valid. */
function outcomeDigits(text: string): number[] {
    const offsets: number[] = [];
    const re = /utfall \d{4}: (\d)/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) offsets.push(m.index + m[0].length - 1);
    return offsets;
}

/**
 * `warm` edits first, recorded apart as what the first keystrokes after opening cost (the JIT has
 * not optimised the parser and checks yet), then `count` edits in steady state.
 */
async function editSeries(ws: Awaited<ReturnType<typeof createWorkspace>>, name: string, count: number, scenario: string, warm: number, key: string, pairedFull = false): Promise<void> {
    const rnd = random(42);
    const own: number[] = [];
    const cpu: number[] = [];
    const phases: number[][] = [[], [], [], [], [], []];
    const first: number[] = [];
    // Paired, in turns so that all see the same load; `count` edits of each: as shipped; with the
    // whole document parsed (the incremental re-parse off, with pairedFull); with every check run
    // again (the reuse of unchanged blocks' findings off).
    const factory = ws.services.shared.workspace.LangiumDocumentFactory as VplanDocumentFactory;
    const reuse = (ws.services.Vplan.validation.DocumentValidator as VplanDocumentValidator).reuse!;
    const full = { own: [] as number[], cpu: [] as number[], parse: [] as number[] };
    const noReuse = { own: [] as number[], cpu: [] as number[], phases: [[], [], [], [], [], []] as number[][] };
    const turns = pairedFull ? ['shipped', 'full', 'no-reuse'] as const : ['shipped', 'no-reuse'] as const;
    const shipped = factory.incremental;
    const counts = { ...factory.counts };
    for (let i = 0; i < turns.length * count + warm; i++) {
        const turn = i < warm ? 'shipped' : turns[(i - warm) % turns.length];
        factory.incremental = shipped && turn !== 'full';
        reuse.enabled = turn !== 'no-reuse';
        const text = ws.services.shared.workspace.TextDocuments.get(`file:///bench/${name}`)!.getText();
        const digits = outcomeDigits(text);
        const offset = digits[Math.floor(rnd() * digits.length)];
        // Always a different digit: an edit that leaves the text as it was is not re-parsed by Langium.
        const result = await edit(ws, name, offset, String((Number(text[offset]) + 1 + (i % 8)) % 10));
        if (i < warm) {
            first.push(result.own);
            continue;
        }
        if (turn === 'full') {
            full.own.push(result.own);
            full.cpu.push(result.cpu);
            full.parse.push(result.phases[0]);
            continue;
        }
        if (turn === 'no-reuse') {
            noReuse.own.push(result.own);
            noReuse.cpu.push(result.cpu);
            result.phases.forEach((t, k) => noReuse.phases[k].push(t));
            continue;
        }
        own.push(result.own);
        cpu.push(result.cpu);
        result.phases.forEach((t, k) => phases[k].push(t));
    }
    reuse.enabled = true;
    record(scenario, `edit → diagnostics, first ${warm} edits after opening`, first, `${key}-first`);
    record(scenario, 'edit → diagnostics of the edited plan', own, key);
    record(scenario, '  same, CPU time of the process', cpu, `${key}-cpu`);
    ['parse', 'index exports', 'local scopes', 'link', 'index references', 'validate'].forEach((phase, k) => record(scenario, `  phase: ${phase}`, phases[k], `${key}-phase-${slug(phase)}`));
    factory.incremental = shipped;
    print(`  ${factory.counts.incremental - counts.incremental} edits re-parsed one block, ${factory.counts.full - counts.full} the whole plan`);
    if (pairedFull) {
        record(scenario, 'paired: edit → diagnostics, whole plan re-parsed', full.own, `${key}-full-parse`);
        record(scenario, '  same, CPU time of the process', full.cpu, `${key}-full-parse-cpu`);
        record(scenario, '  phase: parse', full.parse, `${key}-full-parse-phase-parse`);
    }
    record(scenario, 'paired: edit → diagnostics, every check run again', noReuse.own, `${key}-without-reuse`);
    record(scenario, '  same, CPU time of the process', noReuse.cpu, `${key}-without-reuse-cpu`);
    ['parse', 'index exports', 'local scopes', 'link', 'index references', 'validate'].forEach((phase, k) => record(scenario, `  phase: ${phase}`, noReuse.phases[k], `${key}-without-reuse-phase-${slug(phase)}`));
}

async function requests(ws: Awaited<ReturnType<typeof createWorkspace>>, name: string, count: number, scenario: string, key: string): Promise<void> {
    const { services } = ws;
    const document = ws.documents.get(name)!;
    const doc = services.shared.workspace.LangiumDocuments.getDocument(document.uri)!;
    const text = doc.textDocument.getText();
    const rnd = random(7);
    const uri = doc.uri.toString();
    const hover: number[] = [];
    const hoverIndicator: number[] = [];
    const completion: number[] = [];
    const ids = [...text.matchAll(/indikator (\w+)/g)].map(m => m.index! + 'indikator '.length + 1);
    for (let i = 0; i < count; i++) {
        const position = doc.textDocument.positionAt(Math.floor(rnd() * text.length));
        let start = performance.now();
        await services.Vplan.lsp.HoverProvider!.getHoverContent(doc, { textDocument: { uri }, position });
        hover.push(performance.now() - start);
        const idPosition = doc.textDocument.positionAt(ids[Math.floor(rnd() * ids.length)]);
        start = performance.now();
        await services.Vplan.lsp.HoverProvider!.getHoverContent(doc, { textDocument: { uri }, position: idPosition });
        hoverIndicator.push(performance.now() - start);
        start = performance.now();
        await services.Vplan.lsp.CompletionProvider!.getCompletion(doc, { textDocument: { uri }, position });
        completion.push(performance.now() - start);
    }
    record(scenario, 'hover at random positions', hover, `${key}-hover`);
    record(scenario, 'hover on an indicator id', hoverIndicator, `${key}-hover-indicator`);
    record(scenario, 'completion at random positions', completion, `${key}-completion`);
}

async function singlePlan(kb: number, edits: number, probes: number, warm: number, key: string): Promise<void> {
    const scenario = `one plan of ${kb >= 1024 ? `${kb / 1024} MB` : `${kb} KB`}`;
    print(`\n${scenario}`);
    const ws = await createWorkspace({ 'kommun.vplan': sharedFile(), 'plan.vplan': generatePlan('plan', kb * 1024) });
    await editSeries(ws, 'plan.vplan', edits, scenario, warm, key, true);
    await requests(ws, 'plan.vplan', probes, scenario, key.replace(/-edit$/, ''));
}

async function largeWorkspace(plans: number): Promise<void> {
    const scenario = `${plans.toLocaleString('en')} plans × 11 KB`;
    print(`\n${scenario}`);
    const files: Record<string, string> = { 'kommun.vplan': sharedFile() };
    for (let i = 0; i < plans; i++) files[`p${i}.vplan`] = generatePlan(`p${i}`, 11 * 1024, i);
    // Open in the editor: the shared file, the plan being edited and ten others (the rest are on disk).
    const ws = await createWorkspace(files, name => name === 'kommun.vplan' || name === 'p17.vplan' || /^p\d\.vplan$/.test(name));
    await editSeries(ws, 'p17.vplan', 40, scenario, 10, 'workspace-edit');
    await requests(ws, 'p17.vplan', 60, scenario, 'workspace');

    const shared = () => ws.services.shared.workspace.TextDocuments.get('file:///bench/kommun.vplan')!.getText();
    /** Keystrokes in the shared file: wall and CPU time, and how many documents were re-linked. */
    const sharedEdits = async (what: string, count: number, warm: number, at: () => number, char: (i: number) => string, key: string) => {
        const wall: number[] = [];
        const openEditors: number[] = [];
        const cpu: number[] = [];
        const relinked: number[] = [];
        for (let i = 0; i < count + warm; i++) {
            const result = await edit(ws, 'kommun.vplan', at(), char(i));
            if (i < warm) continue;
            wall.push(result.all);
            openEditors.push(result.openEditors);
            cpu.push(result.cpu);
            relinked.push(result.relinked);
        }
        record(scenario, `${what}: open editors' diagnostics`, openEditors, key);
        record(scenario, `${what}: whole update (re-linked: ${[...new Set(relinked)].join('/')})`, wall, `${key}-all`);
        record(scenario, '  same, CPU time of the process', cpu, `${key}-cpu`);
    };
    // Each keystroke replaces the character right after a fixed anchor, so the edits stay where meant.
    const after = (anchor: string) => () => {
        const at = shared().indexOf(anchor);
        if (at < 0) throw new Error(`bench: anchor ${anchor} not found`);
        return at + anchor.length;
    };
    // 1. A keystroke that changes no exported symbol: in the comment at the top of the shared file.
    await sharedEdits('edit shared file: comment', 6, 2, after('// Kommunens '), i => (i % 2 ? 'g' : 'h'), 'shared-comment');
    // 2. A keystroke in one goal's title: the plans contributing to that goal (one in six) re-link.
    await sharedEdits('edit shared file: a goal title', 5, 1, after('mål valfard "Övergripande mål '), i => (i % 2 ? '1' : '7'), 'shared-goal-title');
    // 3. Typing a new role's id above the others: a new name no plan mentions, the roles below move.
    await edit(ws, 'kommun.vplan', shared().indexOf('roll roll0 '), 'roll nyRoll "Ny roll"\nr');
    await sharedEdits('edit shared file: typing a new role id', 5, 1, after('roll nyRol'), i => 'lmn'[i % 3], 'shared-new-role');
    // 4. A keystroke in the id of a role most plans reference: those plans must re-link (and now fail to).
    // The open editors first (renamed and typed back, in turns) against Langium's order (each phase
    // over all 985 plans before the next): alternating in pairs, so the machine's load hits both alike.
    const builder = ws.services.shared.workspace.DocumentBuilder as unknown as { openEditorsFirst: boolean };
    const paired = { on: { open: [] as number[], all: [] as number[], cpu: [] as number[] }, off: { open: [] as number[], all: [] as number[], cpu: [] as number[] } };
    const relinked = new Set<number>();
    const roleId = () => shared().indexOf(' "Roll nummer 39"') - 1;
    for (let i = 0; i < 2 + 12; i++) {
        const mode = i < 2 || (i - 2) % 4 < 2 ? 'on' : 'off';
        builder.openEditorsFirst = mode === 'on';
        const result = await edit(ws, 'kommun.vplan', roleId(), i % 2 ? '9' : '8');
        if (i < 2) continue;
        relinked.add(result.relinked);
        paired[mode].open.push(result.openEditors);
        paired[mode].all.push(result.all);
        paired[mode].cpu.push(result.cpu);
    }
    builder.openEditorsFirst = true;
    record(scenario, `edit shared file: a used role id (re-linked: ${[...relinked].join('/')}): open editors' diagnostics`, paired.on.open, 'shared-role-rename');
    record(scenario, '  same, whole update', paired.on.all, 'shared-role-rename-all');
    record(scenario, '  same, CPU time of the process', paired.on.cpu, 'shared-role-rename-cpu');
    record(scenario, `same in Langium's order: open editors' diagnostics`, paired.off.open, 'shared-role-rename-langium-order');
    record(scenario, '  same, whole update', paired.off.all, 'shared-role-rename-langium-order-all');
    record(scenario, '  same, CPU time of the process', paired.off.cpu, 'shared-role-rename-langium-order-cpu');
}

const which = process.argv.slice(2).find(a => !a.startsWith('--')) ?? 'all';
const load = (await import('node:os')).loadavg();
print(`vplan editor latency — Node ${process.version}, ${new Date().toISOString()}, load average ${load.map(l => l.toFixed(1)).join(' ')} on ${(await import('node:os')).cpus().length} cores`);
if (which === 'all' || which === 'single') {
    await singlePlan(100, 60, 150, 15, 'single-100k-edit');
    await singlePlan(1024, 12, 40, 5, 'single-1m-edit');
}
// VPLAN_BENCH_PLANS=100 runs a smaller workspace (to try the benchmark itself quickly).
if (which === 'all' || which === 'workspace') await largeWorkspace(Number(process.env.VPLAN_BENCH_PLANS ?? 1000));
print('\n| scenario | measurement | n | median ms | p95 ms |\n|---|---|---|---|---|');
for (const r of results) print(`| ${r.scenario} | ${r.what} | ${r.n} | ${r.median.toFixed(1)} | ${r.p95.toFixed(1)} |`);
if (json) {
    const round = (ms: number) => Math.round(ms * 10) / 10;
    const scenarios = results.map(r => ({ name: r.name, n: r.n, median_ms: round(r.median), p95_ms: round(r.p95), scenario: r.scenario, measurement: r.what.trim() }));
    console.log(JSON.stringify({ machine: { node: process.version, cores: (await import('node:os')).cpus().length, load }, scenarios }, null, 2));
}
