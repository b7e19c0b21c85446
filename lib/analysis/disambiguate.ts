/**
 * Resolves names that several entities share ("Georgia" the country or the US state, "Jordan"
 * the country or a person) from the rest of the article: the entities named without ambiguity,
 * and the countries they belong to. When the article does not settle it, the mention stays
 * ambiguous, and says so, rather than being silently wrong.
 */
import type { Entity } from '../entities/types';

export interface Candidate {
  block: number;
  start: number;
  end: number;
  /** Every entity the name could be, best first by the matcher's fixed order. */
  candidates: string[];
}

export interface Resolution {
  entityId: string;
  /** Set when the article did not settle which entity is meant. */
  ambiguous?: string[];
}

/** Article context: how often each entity and each country is named without ambiguity. */
export interface Context {
  entities: Map<string, number>;
  countries: Map<string, number>;
}

function add(map: Map<string, number>, key: string | undefined): void {
  if (key) map.set(key, (map.get(key) ?? 0) + 1);
}

export function buildContext(spans: readonly Candidate[], byId: ReadonlyMap<string, Entity>): Context {
  const context: Context = { entities: new Map(), countries: new Map() };
  for (const span of spans) {
    if (span.candidates.length !== 1) continue;
    const id = span.candidates[0]!;
    add(context.entities, id);
    add(context.countries, byId.get(id)?.country);
  }
  return context;
}

function support(id: string, context: Context, byId: ReadonlyMap<string, Entity>): number {
  const country = byId.get(id)?.country;
  return 3 * (context.entities.get(id) ?? 0) + (country ? (context.countries.get(country) ?? 0) : 0);
}

/**
 * The entity a shared name means here, or the ambiguity when the context is silent or split.
 * @example resolve({ candidates: ['country:ge', 'us-state:ga'], ... }, ctx, byId) // Tbilisi in the text: country:ge
 */
export function resolve(span: Candidate, context: Context, byId: ReadonlyMap<string, Entity>): Resolution {
  if (span.candidates.length === 1) return { entityId: span.candidates[0]! };
  const scored = span.candidates.map((id) => ({ id, score: support(id, context, byId) })).sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (best!.score > 0 && best!.score > second!.score) return { entityId: best!.id };
  return { entityId: span.candidates[0]!, ambiguous: [...span.candidates] };
}
