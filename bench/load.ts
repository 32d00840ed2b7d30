// The language server under load (see bench/load.mjs): the built server (out/server.cjs) as its own
// process over stdio, a workspace of 1,000 generated plans (~11 KB each) that all reference one
// shared municipality file, then bursts of typing while hover and completion requests keep coming.
// Measures how long each request waits (none should wait more than 1 s) and the server's memory.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
    createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection
} from 'vscode-languageserver-protocol/node';
import { generatePlan, sharedFile } from './plan-generator.js';

function option(name: string, fallback: number): number {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const PLANS = option('plans', 1000);
const PLAN_BYTES = option('bytes', 11 * 1024);
const EDITS = option('edits', 60);
const TYPING_MS = option('typing', 30);
const REQUEST_MS = option('every', 50);
const REPO = process.cwd();
const SERVER = path.join(REPO, 'out/server.cjs');

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** Resident memory of a process, from /proc (Linux). */
function rssMb(pid: number): number {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

function percentile(values: number[], p: number): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

interface Burst {
    name: string;
    latencies: { hover: number[]; completion: number[] };
    failures: string[];
    ms: number;
}

const dir = mkdtempSync(path.join(tmpdir(), 'vplan-load-'));
const server = spawn(process.execPath, [SERVER, '--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'inherit'] });
let connection: ProtocolConnection | undefined;
try {
    // The workspace: the shared file and the plans.
    const shared = sharedFile();
    writeFileSync(path.join(dir, 'kommun.vplan'), shared);
    let total = Buffer.byteLength(shared);
    const plans: string[] = [];
    for (let i = 0; i < PLANS; i++) {
        const text = generatePlan(`p${i}`, PLAN_BYTES, i);
        plans.push(text);
        total += Buffer.byteLength(text);
        writeFileSync(path.join(dir, `plan-${i}.vplan`), text);
    }
    console.log(`workspace: ${PLANS} plans of ~${(PLAN_BYTES / 1024).toFixed(0)} KB and a shared file, ${(total / 1048576).toFixed(1)} MB`);

    connection = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification('window/logMessage', (m: { message: string }) => { if (process.env.VPLAN_LOAD_DEBUG) console.log('server:', m.message); });
    connection.listen();

    const rootUri = pathToFileURL(dir).href;
    const start = performance.now();
    console.log('initializing the server…');
    await connection.sendRequest('initialize', {
        processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'load' }],
        capabilities: { workspace: { configuration: true, workspaceFolders: true }, textDocument: { completion: {}, hover: {} } },
        initializationOptions: {}
    });
    await connection.sendNotification('initialized', {});
    const rssStart = rssMb(server.pid!);
    // Built when find-references answers: it waits until every document of the workspace is indexed.
    const sharedPath = path.join(dir, 'kommun.vplan');
    const roleLine = shared.split('\n').findIndex(l => l.startsWith('roll roll0 '));
    const references = await connection.sendRequest('textDocument/references', {
        textDocument: { uri: pathToFileURL(sharedPath).href }, position: { line: roleLine, character: 6 }, context: { includeDeclaration: false }
    }) as unknown[] | null;
    const loadMs = performance.now() - start;
    const rssLoaded = rssMb(server.pid!);
    console.log(`initial build: ${(loadMs / 1000).toFixed(1)} s until find-references answered (${references?.length ?? 0} references to one role); ` +
        `server RSS ${rssStart.toFixed(0)} → ${rssLoaded.toFixed(0)} MB`);

    // The editor opens a plan and the shared file.
    const planUri = pathToFileURL(path.join(dir, 'plan-0.vplan')).href;
    const sharedUri = pathToFileURL(path.join(dir, 'kommun.vplan')).href;
    const versions = new Map<string, number>();
    const texts = new Map<string, string>([[planUri, plans[0]], [sharedUri, shared]]);
    for (const [uri, text] of texts) {
        versions.set(uri, 1);
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'vplan', version: 1, text } });
    }
    await sleep(2000);

    /** Where the requests point: an outcome value (hover) and the start of a member line (completion). */
    const planText = plans[0];
    const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length - 1;
    const hoverAt = { line: lineOf(planText, planText.indexOf('indikator p0I0 ') + 12), character: 16 };
    const completionAt = { line: lineOf(planText, planText.indexOf('      grön')), character: 6 };

    async function burst(name: string, editedUri: string, edit: (text: string, i: number) => string): Promise<Burst> {
        const result: Burst = { name, latencies: { hover: [], completion: [] }, failures: [], ms: 0 };
        let typing = true;
        const started = performance.now();
        const requests = (async () => {
            const pending: Promise<void>[] = [];
            while (typing) {
                for (const method of ['hover', 'completion'] as const) {
                    const sent = performance.now();
                    const position = method === 'hover' ? hoverAt : completionAt;
                    pending.push(connection!.sendRequest(`textDocument/${method}`, { textDocument: { uri: planUri }, position }).then(
                        () => { result.latencies[method].push(performance.now() - sent); },
                        err => { result.failures.push(`${method}: ${String(err?.message ?? err)}`); }
                    ));
                }
                await sleep(REQUEST_MS);
            }
            await Promise.all(pending);
        })();
        for (let i = 0; i < EDITS; i++) {
            const text = edit(texts.get(editedUri)!, i);
            texts.set(editedUri, text);
            const version = versions.get(editedUri)! + 1;
            versions.set(editedUri, version);
            await connection!.sendNotification('textDocument/didChange', { textDocument: { uri: editedUri, version }, contentChanges: [{ text }] });
            await sleep(TYPING_MS);
        }
        // Keep asking until the last edit has been built and answered.
        await sleep(1500);
        typing = false;
        await requests;
        result.ms = performance.now() - started;
        return result;
    }

    // Typing in one plan: a title grows one character at a time.
    const typed = (text: string, i: number) => text.replace(/avsnitt "1 Inledning[^"]*"/, `avsnitt "1 Inledning ${'x'.repeat(i + 1)}"`);
    // Typing in the shared file every plan references: a role's title grows.
    const typedShared = (text: string, i: number) => text.replace(/roll roll0 "[^"]*"/, `roll roll0 "Roll nummer 0 ${'x'.repeat(i + 1)}"`);
    const bursts: Burst[] = [];
    for (const [name, uri, fn] of [['typing in one plan', planUri, typed], ['typing in the shared file', sharedUri, typedShared]] as const) {
        const rssBefore = rssMb(server.pid!);
        const b = await burst(name, uri, fn);
        const rssAfter = rssMb(server.pid!);
        bursts.push(b);
        const all = [...b.latencies.hover, ...b.latencies.completion];
        console.log(`${name}: ${EDITS} edits every ${TYPING_MS} ms, a hover and a completion every ${REQUEST_MS} ms; ${all.length} requests answered, ${b.failures.length} failed`);
        for (const method of ['hover', 'completion'] as const) {
            const l = b.latencies[method];
            console.log(`  ${method}: median ${percentile(l, 0.5).toFixed(0)} ms, p95 ${percentile(l, 0.95).toFixed(0)} ms, max ${Math.max(0, ...l).toFixed(0)} ms (${l.length} requests)`);
        }
        console.log(`  server RSS ${rssBefore.toFixed(0)} → ${rssAfter.toFixed(0)} MB`);
        if (b.failures.length > 0) console.log(`  failures: ${[...new Set(b.failures)].slice(0, 3).join('; ')}`);
    }
    await sleep(3000);
    console.log(`server RSS after settling: ${rssMb(server.pid!).toFixed(0)} MB`);
    const starved = bursts.flatMap(b => [...b.latencies.hover, ...b.latencies.completion].filter(ms => ms > 1000).map(ms => `${b.name}: ${ms.toFixed(0)} ms`));
    if (starved.length > 0) {
        console.log(`requests that waited more than 1 s: ${starved.length} (${starved.slice(0, 5).join(', ')})`);
        process.exitCode = 1;
    } else {
        console.log('no request waited more than 1 s');
    }
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
} finally {
    connection?.dispose();
    if (server.exitCode === null) server.kill();
    rmSync(dir, { recursive: true, force: true });
}
