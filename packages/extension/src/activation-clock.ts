// Imported first by extension.ts, so this runs before the rest of the bundle is evaluated: the time from
// here to the end of activate() is what loading and activating the extension costs.
export const bundleEvaluationStart = performance.now();
