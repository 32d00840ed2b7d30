#!/usr/bin/env node
// The `vplan` launcher. Plain old JavaScript that any Node parses, so that an old Node gets one
// clear line instead of a crash inside the bundle. Then the bundle runs in this same process, with
// V8's compile cache on: one Node start (a start-up snapshot would need a second one; see
// docs/performance.md for what each way costs).
'use strict';
var major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
    var sv = /^sv([-_.]|$)/i.test(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '');
    process.stderr.write(sv
        ? 'vplan behöver Node 22 eller senare; det här är Node ' + process.versions.node + ' (' + process.execPath + ').\n'
        : 'vplan needs Node 22 or later; this is Node ' + process.versions.node + ' (' + process.execPath + ').\n');
    process.exit(2);
}
var fs = require('node:fs');
var path = require('node:path');
// Next to this file in out/; in the npm package, bin/ holds the launcher and dist/ the bundles.
var dir = fs.existsSync(path.join(__dirname, 'vplan-cli.cjs')) ? __dirname : path.join(__dirname, '..', 'dist');
var bundle = path.join(dir, 'vplan-cli.cjs');

var Module = require('node:module');
if (typeof Module.enableCompileCache === 'function' && !process.env.NODE_DISABLE_COMPILE_CACHE) {
    try { Module.enableCompileCache(); } catch (e) { /* a read-only temp folder: run without the cache */ }
}
if (!fs.existsSync(bundle)) {
    process.stderr.write('vplan: not built (missing ' + bundle + '); run `npm run build`.\n');
    process.exit(2);
}
require(bundle);
