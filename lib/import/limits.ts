/**
 * Import limits. A knowledge-base file comes from anywhere (a sanctions dump, a colleague's CSV, a
 * hostile download), so every importer refuses input that would freeze the dashboard or bloat the
 * matcher instead of trying to make the best of it.
 */

/** Largest file accepted, in bytes (the caller can check `File.size` before reading it). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** Most records (CSV rows, JSON entities, FtM lines, STIX objects) in one file. */
export const MAX_IMPORT_RECORDS = 200_000;

/** Longest canonical name, alias, tag or id, in UTF-16 code units. */
export const MAX_NAME_LENGTH = 500;

/** Most aliases on one entity, after duplicates are merged. */
export const MAX_ALIASES = 1_000;

/** Most tags on one entity, after duplicates are merged. */
export const MAX_TAGS = 100;

/**
 * Longest description or role kept from a file the reader wrote (CSV, Dramatis JSON). Under the
 * 4,096 characters a field of the background's import message may hold (`LIMITS.field` in
 * lib/messaging/protocol.ts): a file the importer accepts must not be turned away at saving.
 */
export const MAX_DESCRIPTION_LENGTH = 4_000;

/** Third-party descriptions (FtM notes, STIX descriptions) are cut to this length at a word boundary. */
export const FOREIGN_DESCRIPTION_LENGTH = 500;

/** Most problems listed in one refusal or in the warnings; the rest are only counted. */
export const MAX_REPORTED_ISSUES = 20;

/** Records handled between two yields to the event loop in `importEntities`. */
export const IMPORT_CHUNK_SIZE = 2_000;
