/**
 * The type of a candidate name from its own words and its neighbours: a title before it or "said"
 * after it makes a person, an organization head ("Committee", "University", "Agency") an
 * organization, a place head or prefix ("River", "Province", "Lake") or "in X" a place, a given name
 * first a person. `cue` says how sure the evidence is (0..1), for confidence and for votes across
 * an actor's mentions.
 */
import type { Candidate } from './candidates';
import { PLACE_PREFIXES, PLACE_PREPOSITIONS, SPEECH_VERBS } from './cue-words';
import { isCompass, isConnector, isFunctionWord, isOrgHead, isPlaceHead } from './cues';
import type { Token } from './tokenize';
import { isCommonWord, isFirstName } from './word-lists';

export type DiscoveredType = 'person' | 'organization' | 'place';

export interface Typed {
  type: DiscoveredType;
  cue: number;
}

/** The head word of the name: the word before its first "of/for/on", else its last word. */
function headOf(tokens: readonly Token[], c: Candidate): Token {
  for (let i = c.first + 1; i < c.last; i++) {
    if (isConnector(tokens[i]!) && ['of', 'for', 'on'].includes(tokens[i]!.lower)) return tokens[i - 1]!;
  }
  return tokens[c.last]!;
}

function fromContext(tokens: readonly Token[], c: Candidate): Typed | null {
  const next = tokens[c.last + 1];
  const after = tokens[c.last + 2];
  const prev = tokens[c.first - 1];
  if (next && SPEECH_VERBS.has(next.lower)) return { type: 'person', cue: 0.6 };
  if (next?.text === ',' && after && ['who', 'aged'].includes(after.lower)) return { type: 'person', cue: 0.6 };
  if (next?.text === ',' && after && /^\d{1,2}$/.test(after.text) && tokens[c.last + 3]?.text === ',') {
    return { type: 'person', cue: 0.6 };
  }
  if (prev && PLACE_PREPOSITIONS.has(prev.lower) && !prev.isCap) return { type: 'place', cue: 0.35 };
  // "the Church", "the Senate": an everyday word capitalized after "the" is an institution's name;
  // a rarer word before a noun it qualifies is not ("the Brandt administration").
  const word = tokens[c.first]!;
  if (prev?.lower === 'the' && c.first === c.last && (isCommonWord(word.lower) || !isQualifiedNoun(next))) {
    return { type: 'organization', cue: 0.6 };
  }
  return null;
}

/**
 * A lower-case noun right after a name, which then qualifies it: "the Brandt administration" (not a
 * verb: "the Police declined", "the Church said").
 */
function isQualifiedNoun(next: Token | undefined): boolean {
  if (!next || !next.isWord || next.isCap || isFunctionWord(next) || SPEECH_VERBS.has(next.lower)) return false;
  return !/\d/.test(next.text) && !/ed$/.test(next.lower);
}

const isInitials = (t: Token): boolean => /^(?:\p{Lu}\.)+$/u.test(t.text);

/** Articles that start names of papers, firms and places, not of people: "La Repubblica", "El Pais". */
const ARTICLES = new Set(['la', 'le', 'el', 'il', 'lo', 'los', 'las', 'les', 'der', 'die', 'das']);

/**
 * "Given Surname" by shape alone: up to four words, none an everyday word, no surname of one letter
 * ("Group G"), no digits, no upper-case codes ("Zorvex GBP", "Airbus A350"). An everyday first word
 * of two ("Scooter Braun", "Moon Jae-in") that the article does not use alone ("Apple Thunderbolt")
 * makes only a guess.
 */
function personShape(words: readonly Token[], seenAlone: (lower: string) => boolean): Typed | null {
  if (words.length > 4 || words.some((t) => /\d/.test(t.text) || (t.isAllCaps && !isInitials(t)))) return null;
  if (words.at(-1)!.text.replace(/\./g, '').length < 2 || ARTICLES.has(words[0]!.lower)) return null;
  const plain = (t: Token) => isCommonWord(t.lower) && !isFirstName(t.lower);
  if (words.every((t) => !plain(t))) return { type: 'person', cue: 0.5 };
  // An everyday first word is as often a title of a work ("Star Trek") as a given name: a guess.
  const [first, last] = words;
  const guess = words.length === 2 && plain(first!) && !plain(last!) && !seenAlone(first!.lower);
  return guess ? { type: 'person', cue: 0.3 } : null;
}

/**
 * `seenAlone` says whether the article capitalizes a word alone mid-sentence.
 * @example classify(tokenize('the National University of Defense Technology'), candidate)
 * // { type: 'organization', cue: 0.9 }
 */
export function classify(tokens: readonly Token[], c: Candidate, seenAlone: (lower: string) => boolean = () => false): Typed {
  if (c.titled) return { type: 'person', cue: 0.9 };
  const head = headOf(tokens, c);
  const multi = c.last > c.first;
  if (multi && isOrgHead(head)) return { type: 'organization', cue: 0.9 };
  if (multi && isPlaceHead(head)) return { type: 'place', cue: 0.85 };
  const first = tokens[c.first]!;
  if (multi && PLACE_PREFIXES.has(first.lower) && !isFirstName(first.lower)) return { type: 'place', cue: 0.6 };
  // "Kowloon West", "Pacific Northwest": a compass word ends only place names.
  if (multi && isCompass(tokens[c.last]!) && tokens[c.last]!.lower !== 'central') return { type: 'place', cue: 0.6 };
  if (!multi && first.isAllCaps && first.text.replace(/\./g, '').length <= 6) return { type: 'organization', cue: 0.6 };
  const context = fromContext(tokens, c);
  if (context && (context.type === 'person' || !multi)) return context;
  const words = tokens.slice(c.first, c.last + 1).filter((t) => !isConnector(t));
  if (multi && isFirstName(first.lower)) return { type: 'person', cue: 0.7 };
  const shaped = multi ? personShape(words, seenAlone) : null;
  if (shaped) return shaped;
  if (multi) return { type: 'organization', cue: 0.3 };
  return { type: isFirstName(first.lower) ? 'person' : 'organization', cue: 0.2 };
}
