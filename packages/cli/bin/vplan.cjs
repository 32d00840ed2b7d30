#!/usr/bin/env node
// The `vplan` launcher. Plain old JavaScript that any Node parses, so that an old Node gets one
// clear line instead of a crash inside the bundle. Then, fastest first: Node restarted from the
// bundle's start-up snapshot, or the bundle loaded here with V8's compile cache on.
'use strict';
var major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
    var sv = /^sv([-_.]|$)/i.test(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '');
    process.stderr.write(sv
        ? 'vplan behöver Node ≥ 22; hittade v' + process.versions.node + ' (' + process.execPath + '). Kör `npx vplan` i projektet eller installera Node 22 eller senare.\n'
        : 'vplan needs Node ≥ 22; found v' + process.versions.node + ' (' + process.execPath + '). Run `npx vplan` in the project, or install Node 22 or later.\n');
    process.exit(2);
}
var fs = require('node:fs');
var path = require('node:path');
// Next to this file in out/; in the package, bin/ holds the launcher and dist/ the bundle.
var dir = fs.existsSync(path.join(__dirname, 'vplan-cli.cjs')) ? __dirname : path.join(__dirname, '..', 'dist');
var bundle = path.join(dir, 'vplan-cli.cjs');
var args = process.argv.slice(2);

// A start-up snapshot of the bundle, built for exactly this Node (see build/snapshot.mjs), starts
// with the modules loaded and the parser built: this process is replaced by Node started from it.
// Not for fmt (its bundle is loaded at run time, which a snapshot cannot do), not for help and
// version (answered faster than a snapshot loads), not on Windows (no execve), and
// VPLAN_NO_SNAPSHOT=1 turns it off.
var light = args.length === 0 || args[0] === 'fmt' || args[0] === 'help' || args.some(function (a) {
    return a === '--help' || a === '-h' || a === '--version' || a === '-v';
});
if (typeof process.execve === 'function' && !light && !process.env.VPLAN_NO_SNAPSHOT) {
    try {
        var blob = path.join(dir, 'vplan-cli-' + process.version + '-' + process.arch + '.blob');
        if (fs.statSync(blob).mtimeMs >= fs.statSync(bundle).mtimeMs) {
            process.execve(process.execPath, [process.execPath].concat(process.execArgv, ['--snapshot-blob', blob, '--'], args), process.env);
        }
    } catch (e) { /* no snapshot for this Node: start in this process */ }
}

var Module = require('node:module');
if (typeof Module.enableCompileCache === 'function' && !process.env.NODE_DISABLE_COMPILE_CACHE) {
    try { Module.enableCompileCache(); } catch (e) { /* a read-only temp folder: run without the cache */ }
}
if (!fs.existsSync(bundle)) {
    process.stderr.write('vplan: not built (missing ' + bundle + '); run `npm run build`.\n');
    process.exit(2);
}
require(bundle);
