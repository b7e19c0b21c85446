/**
 * Knowledge-base files in and out: pure parsers and serializers for CSV, the project's JSON,
 * FollowTheMoney (OpenSanctions) and STIX 2.1. No DOM, no browser APIs: the dashboard page runs
 * them and hands the result to the background.
 */
export { exportCsv, CSV_EXPORT_COLUMNS } from './csv-export';
export { detectFormat } from './detect-format';
export { exportJson, DRAMATIS_FORMAT, DRAMATIS_VERSION } from './dramatis-json';
export { deriveEntityId, nameKey } from './entity-id';
export { ImportError, isAbortError, formatLocation } from './import-error';
export type { ImportFormat, ImportIssue, ImportResult, IssueLocation } from './import-error';
export { importEntities, parseEntities, type ImportOptions } from './import-entities';
export * from './limits';
export { mergeImported, type MergeMode } from './merge-imported';
