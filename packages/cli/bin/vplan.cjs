#!/usr/bin/env node
// The `vplan` launcher. Plain old JavaScript that any Node parses, so that an old Node gets one
// clear line instead of a crash inside the bundle. Then the bundle runs in this same process: one
// Node start (a start-up snapshot would need a second one; see docs/performance.md for what each
// way costs).
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
var cacheOff = Boolean(process.env.NODE_DISABLE_COMPILE_CACHE);
// Node's compile cache serves the bundles of fmt, render and outcomes.
if (typeof Module.enableCompileCache === 'function' && !cacheOff) {
    try { Module.enableCompileCache(); } catch (e) { /* a read-only temp folder: run without the cache */ }
}
if (!fs.existsSync(bundle)) {
    process.stderr.write('vplan: not built (missing ' + bundle + '); run `npm run build`.\n');
    process.exit(2);
}
if (cacheOff) require(bundle);
else runWithCodeCache(bundle);

/**
 * Runs the main bundle with V8's code for every function the last run executed. Node's compile cache
 * keeps the code compiled before the bundle runs, its top level (about a quarter): the rest (Langium,
 * Chevrotain, the checks) was compiled anew at every start. This cache is written after a run, so it
 * holds what a run needs; V8 checks that it fits this Node and falls back to compiling when not.
 */
function runWithCodeCache(file) {
    var vm = require('node:vm');
    var stat = fs.statSync(file);
    var folder = cacheFolder();
    // The bundle's size, time and inode name its cache: V8 checks only the source's length.
    var cacheFile = folder && path.join(folder, [process.version, process.arch, stat.size, Math.floor(stat.mtimeMs), stat.ino].join('-') + '.code');
    var cached;
    if (cacheFile) {
        try { cached = fs.readFileSync(cacheFile); } catch (e) { /* not yet written */ }
    }
    // As Node's CommonJS loader wraps a module.
    var source = '(function (exports, require, module, __filename, __dirname) { ' + fs.readFileSync(file, 'utf8') + '\n});';
    var script = new vm.Script(source, {
        filename: file,
        cachedData: cached,
        importModuleDynamically: vm.constants && vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER
    });
    // Written by a run that checked plans to the end (exit 0 or 1), so that it holds the parser and
    // the checks; a `--version` or a usage error would leave a cache of the top level only.
    var checksPlans = /^(validate|status|diff)$/.test(process.argv[2] || '');
    if (cacheFile && checksPlans && (cached === undefined || script.cachedDataRejected)) {
        process.once('exit', function (code) {
            if (code !== 0 && code !== 1) return;
            var temp = cacheFile + '.' + process.pid + '.tmp';
            try {
                fs.writeFileSync(temp, script.createCachedData(), { mode: 384 /* 0o600 */ });
                fs.renameSync(temp, cacheFile);
            } catch (e) {
                try { fs.unlinkSync(temp); } catch (e2) { /* never written */ }
            }
        });
    }
    var module = { exports: {}, filename: file, id: file, loaded: false };
    script.runInThisContext().call(module.exports, module.exports, Module.createRequire(file), module, file, path.dirname(file));
}

/**
 * The user's own folder for the cache in the temporary folder, or undefined. Code read from a cache
 * runs as this process: a folder another user could write to is never used.
 */
function cacheFolder() {
    try {
        var uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
        var folder = path.join(require('node:os').tmpdir(), 'vplan-code-cache' + (uid === undefined ? '' : '-' + uid));
        fs.mkdirSync(folder, { recursive: true, mode: 448 /* 0o700 */ });
        var info = fs.lstatSync(folder);
        if (uid !== undefined && (info.uid !== uid || (info.mode & 63 /* 0o077 */) !== 0 || !info.isDirectory())) return undefined;
        return folder;
    } catch (e) {
        return undefined;
    }
}
