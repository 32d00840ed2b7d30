// Outcomes from spreadsheets (@vplan/data/tables): kept out of the main entry so that the language
// server, which imports @vplan/data for the KPI cache, never bundles the spreadsheet readers.
export * from './read-table.js';
export * from '../outcomes/table-import.js';
