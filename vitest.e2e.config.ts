// The end-to-end tests: the packaged extension in a real VS Code (code-server) driven by Chromium.
// Run by `npm run test:e2e` (which packages the VSIX first). One worker, one file at a time: they
// share one code-server and the machine has two cores.
import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['test/e2e/**/*.e2e.ts'],
        globalSetup: ['test/e2e/global-setup.ts'],
        fileParallelism: false,
        maxWorkers: 1,
        testTimeout: 180_000,
        hookTimeout: 600_000,
        // A scenario that fails is not retried: a flaky UI test is a bug to fix, not to hide.
        retry: 0,
        reporters: ['default']
    }
});
