import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, REPO } from './load.js';

/**
 * The folders the renderer is tested on: every example under examples/ (each folder is one
 * workspace, like `vplan render examples/norsjo`) and the renderer's own fixtures.
 */
export function exampleFolders(): string[] {
    const examples = path.join(REPO, 'examples');
    const folders = existsSync(examples)
        ? readdirSync(examples, { withFileTypes: true }).filter(d => d.isDirectory()).map(d => path.join(examples, d.name))
        : [];
    const own = readdirSync(FIXTURES, { withFileTypes: true }).filter(d => d.isDirectory() && d.name !== 'injection')
        .map(d => path.join(FIXTURES, d.name));
    return [...folders, ...own].filter(folder => readdirSync(folder).some(f => f.endsWith('.vplan')));
}
