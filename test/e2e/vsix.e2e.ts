// The VSIX as users install it: only what runs (bundles, grammar, configuration, snippets, icons,
// translations, README and licence), no sources or node_modules, and within the size budget.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { expect, test } from 'vitest';
import { packagedVsix } from './code-server.js';

/** 1.5 MB: the budget README.md states for the packaged extension. */
const SIZE_BUDGET = 1.5 * 1024 * 1024;

test('the VSIX holds only what runs and stays within its size budget', () => {
    const vsix = packagedVsix();
    const listing = execFileSync('unzip', ['-Z1', vsix], { encoding: 'utf8' }).split('\n').filter(Boolean);
    const files = listing.filter(f => f.startsWith('extension/') && !f.endsWith('/')).map(f => f.slice('extension/'.length));
    const allowed = [
        /^package\.json$/, /^package\.nls(\.sv)?\.json$/, /^readme\.md$/i, /^LICENSE(\.txt)?$/, /^changelog\.md$/i,
        /^out\/(extension|server|preview-local)\.cjs$/, /^out\/preview[\w-]*\.(js|css)$/,
        /^syntaxes\/vplan\.tmLanguage\.json$/, /^language-configuration\.json$/, /^snippets\/vplan\.json$/,
        /^images\/(icon\.png|vplan-file\.svg)$/, /^l10n\/bundle\.l10n\.sv\.json$/, /^media\//
    ];
    expect(files.filter(f => !allowed.some(a => a.test(f))), 'files that do not belong in the VSIX').toEqual([]);
    for (const needed of ['package.json', 'out/extension.cjs', 'out/server.cjs', 'syntaxes/vplan.tmLanguage.json',
        'language-configuration.json', 'snippets/vplan.json', 'images/icon.png', 'images/vplan-file.svg',
        'package.nls.json', 'package.nls.sv.json', 'l10n/bundle.l10n.sv.json']) {
        expect(files, needed).toContain(needed);
    }
    const size = statSync(vsix).size;
    console.log(`${vsix}: ${(size / 1024).toFixed(0)} KB, ${files.length} files`);
    expect(size).toBeLessThan(SIZE_BUDGET);
});
