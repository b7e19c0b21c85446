/**
 * Turns grouped mentions into actors: the fullest name, the other full forms and defined acronyms
 * as aliases (never a bare surname), and a confidence the integrator can keep entities by (>= 0.6):
 * multi-word names, strong type cues, repeated and mid-sentence mentions score high; a lone single
 * capitalized word low; a lone compass or nationality word, or a name whose type nothing but its
 * shape suggests, never enough to be learned.
 */
import type { DiscoveredType } from './classify';
import { typeOf, type Group } from './coreference';
import { isCompassWord, isDemonymWord } from './cues';
import { isCommonWord } from './word-lists';

export interface ActorSummary {
  key: string;
  name: string;
  type: DiscoveredType;
  aliases: string[];
  mentions: number;
  confidence: number;
}

function fullestName(group: Group): string {
  const counts = new Map<string, { words: number; n: number }>();
  for (const f of group.found) {
    const entry = counts.get(f.text) ?? { words: f.words.length, n: 0 };
    entry.n++;
    counts.set(f.text, entry);
  }
  return [...counts].sort((a, b) => b[1].words - a[1].words || b[1].n - a[1].n || b[0].length - a[0].length)[0]![0];
}

function confidenceOf(group: Group, name: string, type: DiscoveredType): number {
  const words = name.split(/\s+/);
  const multi = words.length > 1;
  const cue = Math.max(...group.found.filter((f) => f.type === type).map((f) => f.cue), 0);
  let score = multi ? 0.45 : 0.2;
  score += 0.3 * cue;
  if (group.acronyms.size > 0 || group.surnameOf) score += 0.15;
  score += Math.min(0.15, 0.05 * (group.found.length - 1));
  if (group.found.some((f) => f.midSentence)) score += 0.1;
  if (words.every((w) => isCommonWord(w.toLowerCase()))) score -= 0.2;
  // A type only guessed ("Taylor Swift" typed an organization for want of a cue) is not stored.
  if (cue < 0.35 && group.acronyms.size === 0) score = Math.min(score, 0.55);
  // "South", "Scientologist": a compass or nationality word alone is never learned.
  if (!multi && (isCompassWord(name.toLowerCase()) || isDemonymWord(name.toLowerCase()))) score = Math.min(score, 0.4);
  return Math.round(Math.min(0.98, Math.max(0.05, score)) * 100) / 100;
}

/**
 * @example summarize(group) // { name: 'Gilles Carbonnier', type: 'person', aliases: [], mentions: 2, ... }
 */
export function summarize(group: Group): ActorSummary {
  const type = typeOf(group);
  const name = fullestName(group);
  const others = new Set(group.found.filter((f) => f.text !== name && f.words.length > 1).map((f) => f.text));
  const aliases = [...others, ...group.acronyms].filter((a) => a !== name);
  return {
    key: group.key,
    name,
    type,
    aliases: [...new Set(aliases)],
    mentions: group.found.length,
    confidence: confidenceOf(group, name, type),
  };
}
