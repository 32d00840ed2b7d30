// Stands in for the editor services in the CLI's main bundle (see ../core-bundle.mjs). CommonJS and
// a Proxy, so that whatever names the language module imports resolve; calling one is a bug.
'use strict';
const missing = name => function () {
    throw new Error(`internal: the editor service "${String(name)}" is not in this bundle (vplan fmt runs from vplan-fmt.cjs)`);
};
module.exports = new Proxy({}, { get: (_, name) => (name === '__esModule' ? false : missing(name)) });
