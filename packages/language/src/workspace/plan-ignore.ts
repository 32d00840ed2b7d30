import ignore from 'ignore';

/**
 * `.vplanignore`: the plans a folder holds that are not part of its workspace (test fixtures,
 * drafts, last year's copies), in the syntax of `.gitignore` (read by the `ignore` package, as
 * ESLint and Prettier read theirs). Its patterns apply to the folder it lies in and below; it is
 * read when a folder is walked — by the language server and by the CLI — and does not stop a plan
 * that is named or opened explicitly.
 */
export const PLAN_IGNORE_FILE = '.vplanignore';

/** Whether a path, relative to the ignore file's folder with `/` separators, is ignored. */
export type PlanIgnore = (relativePath: string, isDirectory: boolean) => boolean;

export function parsePlanIgnore(text: string): PlanIgnore {
    const rules = ignore().add(text);
    return (relativePath, isDirectory) => relativePath !== '' && rules.ignores(isDirectory ? `${relativePath}/` : relativePath);
}
