// The extension as users install it: the manifest's contributions, their translations, the snippets and
// the language configuration. (The real-VS-Code behaviour is in test/e2e/.)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EmptyFileSystem } from 'langium';
import { parseHelper } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { createVplanCoreServices, type Document } from '@vplan/language';

const root = join(import.meta.dirname, '..', '..');
const json = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8'));
const manifest = json('package.json');

/** Every TypeScript source of the extension client, preview included. */
function clientSources(dir = join(root, 'packages/extension/src')): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) return clientSources(path);
        return entry.name.endsWith('.ts') ? [readFileSync(path, 'utf8')] : [];
    });
}

describe('manifest', () => {
    test('activates only for vplan files, the preview and New Plan', () => {
        expect(manifest.activationEvents).toEqual([
            'onLanguage:vplan', 'onCommand:vplan.showPreview', 'onCommand:vplan.showPreviewToSide', 'onCommand:vplan.newPlan', 'onWebviewPanel:vplan.preview'
        ]);
        expect(manifest.main).toBe('./out/extension.cjs');
        // vscode-languageclient 10.1 needs VS Code 1.91; the API types must not be newer than that.
        expect(manifest.engines.vscode).toBe('^1.91.0');
        expect(json('packages/extension/package.json').devDependencies['@types/vscode']).toMatch(/^~?1\.91\./);
    });

    test('declares the vplan language with its file icon, grammar and snippets', () => {
        const [language] = manifest.contributes.languages;
        expect(language).toMatchObject({ id: 'vplan', aliases: ['vplan', 'Verksamhetsplan'], extensions: ['.vplan'] });
        for (const file of [language.configuration, language.icon.light, language.icon.dark, manifest.icon,
            manifest.contributes.snippets[0].path]) {
            expect(() => readFileSync(join(root, file))).not.toThrow();
        }
        expect(manifest.contributes.grammars[0]).toMatchObject({ language: 'vplan', scopeName: 'source.vplan' });
        // The en dash of `gul 74–81` (as Word writes it) is the language's, not a look-alike to flag.
        expect(manifest.contributes.configurationDefaults['[vplan]']['editor.unicodeHighlight.ambiguousCharacters']).toBe(false);
    });

    test('every command it contributes is registered by the client, and the reverse', () => {
        const contributed = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
        const registered = [...clientSources().join('\n').matchAll(/registerCommand\(\s*['"]([\w.]+)['"]/g)].map(m => m[1]);
        expect(contributed).toEqual(expect.arrayContaining(['vplan.showPreview', 'vplan.showPreviewToSide',
            'vplan.showStatusSummary', 'vplan.restartServer']));
        for (const command of registered) expect(contributed).toContain(command);
        for (const command of ['vplan.showStatusSummary', 'vplan.restartServer']) expect(registered).toContain(command);
    });

    test('has the settings the language server and the preview read', () => {
        const properties = manifest.contributes.configuration.properties;
        expect(properties['vplan.inlineStatus.enabled'].default).toBe(true);
        expect(properties['vplan.completion.keywordLanguage'].enum).toEqual(['auto', 'sv', 'en']);
        expect(properties['vplan.trace.server'].enum).toEqual(['off', 'messages', 'verbose']);
        expect(Object.keys(properties).some(key => key.startsWith('vplan.preview.'))).toBe(true);
    });
});

describe('marketplace and Open VSX', () => {
    test('the listing has what the marketplaces show and require', () => {
        expect(manifest.publisher).toBe('vplan');
        expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
        expect(manifest.license).toBe('MIT');
        expect(readFileSync(join(root, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
        expect(manifest.repository.url).toMatch(/^https:\/\/github\.com\/[\w-]+\/[\w-]+\.git$/);
        expect(manifest.homepage).toMatch(/^https:\/\//);
        expect(manifest.bugs.url).toMatch(/^https:\/\/.*\/issues$/);
        expect(manifest.categories).toEqual(expect.arrayContaining(['Programming Languages', 'Linters']));
        expect(manifest.icon).toBe('images/icon.png');
        // The README and CHANGELOG packaged are the extension's own (written for strategists).
        expect(manifest.scripts.vsix).toContain('--readme-path packages/extension/README.md');
        expect(manifest.scripts.vsix).toContain('--changelog-path packages/extension/CHANGELOG.md');
        expect(manifest.scripts.vsix).not.toContain('--allow-missing-repository');
    });

    test('the README is Swedish first, and its images are absolute https URLs of committed files', () => {
        const readme = readFileSync(join(root, 'packages/extension/README.md'), 'utf8');
        const swedish = readme.search(/^## .*svenska|^# .*verksamhetsplaner/im);
        const english = readme.search(/^## In English/m);
        expect(swedish).toBeGreaterThanOrEqual(0);
        expect(english).toBeGreaterThan(swedish);
        const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map(m => m[1]);
        expect(images.length).toBeGreaterThanOrEqual(2);
        const base = manifest.repository.url.replace(/\.git$/, '') + '/raw/HEAD/';
        for (const url of images) {
            expect(url.startsWith(base), url).toBe(true);
            expect(() => readFileSync(join(root, url.slice(base.length))), url).not.toThrow();
        }
        // Every command the extension contributes is named in the README, in Swedish and English.
        const swedishTitles = json('package.nls.sv.json');
        const englishTitles = json('package.nls.json');
        for (const command of manifest.contributes.commands as { title: string }[]) {
            const key = command.title.slice(1, -1);
            expect(readme, key).toContain(`vplan: ${swedishTitles[key]}`);
            expect(readme, key).toContain(`vplan: ${englishTitles[key]}`);
        }
    });

    test('the CHANGELOG has an entry for the manifest\'s version', () => {
        const changelog = readFileSync(join(root, 'packages/extension/CHANGELOG.md'), 'utf8');
        expect(changelog).toMatch(new RegExp(`^## ${manifest.version.replace(/\./g, '\\.')}\\b`, 'm'));
    });
});

describe('translations', () => {
    const english = json('package.nls.json');
    const swedish = json('package.nls.sv.json');

    test('every %key% of the manifest is translated into English and Swedish', () => {
        const keys = [...JSON.stringify(manifest).matchAll(/"%([\w.]+)%"/g)].map(m => m[1]);
        expect(keys.length).toBeGreaterThan(5);
        for (const key of keys) {
            expect(english[key], key).toBeTruthy();
            expect(swedish[key], key).toBeTruthy();
        }
        expect(Object.keys(swedish).sort()).toEqual(Object.keys(english).sort());
    });

    test('every runtime string (vscode.l10n.t) has a Swedish translation, and none is stale', () => {
        const bundle = json('l10n/bundle.l10n.sv.json');
        const used = new Set<string>();
        for (const source of clientSources()) {
            for (const m of source.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) used.add(m[1].replace(/\\'/g, "'"));
            for (const m of source.matchAll(/l10n\.t\(\s*"((?:[^"\\]|\\.)*)"/g)) used.add(m[1].replace(/\\"/g, '"'));
        }
        expect(used.size).toBeGreaterThan(5);
        for (const text of used) expect(bundle[text], text).toBeTruthy();
        for (const text of Object.keys(bundle)) expect(used.has(text), `unused: ${text}`).toBe(true);
    });
});

describe('snippets', () => {
    const snippets = json('snippets/vplan.json') as Record<string, { prefix: string[]; body: string[] }>;
    const parse = parseHelper<Document>(createVplanCoreServices(EmptyFileSystem).Vplan);

    /** The snippet as inserted when every placeholder keeps its default and each choice takes option `choice`. */
    function expand(body: string[], choice: number): string {
        return body.join('\n')
            .replace(/\$\{\d+\|([^|]*)\|\}/g, (_, options: string) => {
                const list = options.split(',');
                return list[Math.min(choice, list.length - 1)];
            })
            .replace(/\$\{\d+:([^}]*)\}/g, '$1')
            .replace(/\$\d+/g, '');
    }

    test('exist in Swedish and English for indicator, activity, budget assignment, mission and unit', () => {
        const prefixes = Object.values(snippets).flatMap(s => s.prefix);
        for (const word of ['indikator', 'indicator', 'aktivitet', 'activity', 'budgetuppdrag', 'budget', 'uppdrag',
            'mission', 'enhet', 'unit']) {
            expect(prefixes).toContain(word);
        }
    });

    test.each(Object.entries(snippets))('%s parses without syntax errors, with every choice', async (_name, snippet) => {
        const choices = Math.max(1, ...[...snippet.body.join('\n').matchAll(/\$\{\d+\|([^|]*)\|\}/g)].map(m => m[1].split(',').length));
        for (let choice = 0; choice < choices; choice++) {
            const text = expand(snippet.body, choice);
            const isUnit = /^(unit|enhet)\b/.test(text);
            const wrapped = isUnit ? `plan p "P" {\n${text}\n}` : `plan p "P" {\nenhet u "U" {\n${text}\n}\n}`;
            const document = await parse(wrapped);
            expect(document.parseResult.lexerErrors, text).toEqual([]);
            expect(document.parseResult.parserErrors.map(e => e.message), text).toEqual([]);
        }
    });
});

describe('language configuration', () => {
    const config = json('language-configuration.json');

    test('comments, brackets and auto-closing pairs, triple quotes included', () => {
        expect(config.comments).toEqual({ lineComment: '//', blockComment: ['/*', '*/'] });
        expect(config.brackets).toEqual([['{', '}'], ['(', ')'], ['[', ']']]);
        const opens = config.autoClosingPairs.map((p: { open: string }) => p.open);
        expect(opens).toEqual(expect.arrayContaining(['{', '(', '[', '"', '"""']));
    });

    test('indents after { and outdents at }', () => {
        const increase = new RegExp(config.indentationRules.increaseIndentPattern);
        const decrease = new RegExp(config.indentationRules.decreaseIndentPattern);
        expect(increase.test('  indikator helhetssyn "Helhetssyn {särskilt} boende" {')).toBe(true);
        expect(increase.test('  indikator x "X" { grön >= 82 }')).toBe(false);
        expect(increase.test('  // ett { i en kommentar')).toBe(false);
        expect(decrease.test('  }')).toBe(true);
    });

    test('a word is an id with å ä ö, a number with decimal comma, a period or a date', () => {
        const word = new RegExp(config.wordPattern, 'g');
        const words = 'enhetschefSärskiltBoende utfall 2025-T1: 7,06 senast 2025-10-31 gul 74–81 status not-started'.match(word);
        expect(words).toEqual(['enhetschefSärskiltBoende', 'utfall', '2025-T1', '7,06', 'senast', '2025-10-31', 'gul', '74',
            '81', 'status', 'not-started']);
    });

    test('folds regions marked in comments', () => {
        expect(new RegExp(config.folding.markers.start).test('  // region Indikatorer')).toBe(true);
        expect(new RegExp(config.folding.markers.end).test('  // endregion')).toBe(true);
    });
});
