/**
 * Gathers what the readers make of each record and enforces the import policy: imports are atomic
 * (one invalid record refuses the whole file, nothing is returned), every problem is listed up to a
 * cap so the reader can fix them in one go, and records sharing an id are merged, not refused.
 */
import type { Entity } from '../entities/types';
import { combineEntities } from './combine-entities';
import { checkLimits } from './entity-draft';
import { ImportError, type ImportIssue, type ImportResult, type IssueLocation } from './import-error';
import { MAX_REPORTED_ISSUES } from './limits';

/** What a reader yields: one per record (entity, skip or invalid), plus any warnings. */
export type RecordOutcome =
  | { kind: 'entity'; entity: Entity; location: IssueLocation }
  | { kind: 'skip' }
  | { kind: 'invalid'; issues: ImportIssue[] }
  | { kind: 'warning'; issue: ImportIssue };

/** A reader's output: how many records it expects, and the outcomes, produced lazily. */
export interface RecordStream {
  total: number;
  outcomes: Iterable<RecordOutcome>;
}

/** Keeps the first `MAX_REPORTED_ISSUES` issues and counts the rest. */
function createIssueList() {
  const list: ImportIssue[] = [];
  let count = 0;
  return {
    list,
    count: () => count,
    add(issues: ImportIssue[]) {
      count += issues.length;
      for (const issue of issues) if (list.length < MAX_REPORTED_ISSUES) list.push(issue);
    },
  };
}

/** Accumulates outcomes; `finish` returns the result or throws the refusal. */
export function createCollector() {
  const byId = new Map<string, { entity: Entity; location: IssueLocation }>();
  const errors = createIssueList();
  const warnings = createIssueList();
  let skipped = 0;

  function addEntity(entity: Entity, location: IssueLocation): void {
    const earlier = byId.get(entity.id);
    if (!earlier) {
      byId.set(entity.id, { entity, location });
      return;
    }
    const merged = combineEntities(earlier.entity, entity);
    errors.add(checkLimits(merged, location));
    byId.set(entity.id, { entity: merged, location: earlier.location });
  }

  return {
    /** Records one outcome; true when it stands for a record (for progress counting). */
    add(outcome: RecordOutcome): boolean {
      if (outcome.kind === 'entity') addEntity(outcome.entity, outcome.location);
      else if (outcome.kind === 'skip') skipped++;
      else if (outcome.kind === 'invalid') errors.add(outcome.issues);
      else warnings.add([outcome.issue]);
      return outcome.kind !== 'warning';
    },
    /** Adds the issues of a file-level refusal (thrown midway) to those of earlier records. */
    fail(error: ImportError): never {
      errors.add(error.issues);
      throw new ImportError(errors.list, errors.count() + error.issueCount - error.issues.length);
    },
    finish(): ImportResult {
      if (errors.count() > 0) throw new ImportError(errors.list, errors.count());
      return { entities: [...byId.values()].map((e) => e.entity), skipped, warnings: warnings.list };
    },
  };
}

/** The collector's type, for the drivers. */
export type Collector = ReturnType<typeof createCollector>;
