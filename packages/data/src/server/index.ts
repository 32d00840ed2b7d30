// The language server's Kolada glue (@vplan/data/server): the fetch request and the KPI cache it follows.
export * from './kolada-protocol.js';
export * from './kolada-request.js';
export { followKpiCache } from '../kolada/kpi-cache-follow.js';
