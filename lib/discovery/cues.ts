/**
 * Token-level questions over the cue word lists: is this token a title, an organization or place
 * head, a connector? Hyphenated titles ("Vice-President", "ex-Minister") count when every part is one.
 */
import {
  ADJECTIVE_SUFFIXES,
  COMPASS,
  CONNECTORS,
  DESCRIPTORS,
  FUNCTION_WORDS,
  MONTHS_AND_DAYS,
  ORG_HEADS,
  PARTICLES,
  PLACE_HEADS,
  PLAIN_ACRONYMS,
  TITLES,
} from './cue-words';
import type { Token } from './tokenize';
import { isFirstName } from './word-lists';

const TITLE_PREFIXES = new Set(['ex', 'vice', 'co', 'deputy', 'acting', 'former']);

/**
 * @example isTitle(token('Vice-President')) // true; isTitle(token('Sayyari')) // false
 */
export function isTitle(token: Token): boolean {
  if (!token.isWord) return false;
  if (TITLES.has(token.lower)) return true;
  const parts = token.lower.split('-');
  return parts.length > 1 && parts.every((p, i) => TITLES.has(p) || (i < parts.length - 1 && TITLE_PREFIXES.has(p)));
}

/** The word's last hyphen part: "Post-Gazette" is headed by "gazette". */
const lastPart = (lower: string): string => lower.slice(lower.lastIndexOf('-') + 1);

/** An organization head, or a hyphenated word with one ("Post-Gazette", "News-Register"). */
export const isOrgHead = (token: Token): boolean =>
  token.isWord &&
  (ORG_HEADS.has(token.lower) || (token.lower.includes('-') && token.lower.split('-').some((p) => ORG_HEADS.has(p))));
export const isPlaceHead = (token: Token): boolean =>
  token.isWord && (PLACE_HEADS.has(token.lower) || PLACE_HEADS.has(lastPart(token.lower)));
export const isHead = (token: Token): boolean => isOrgHead(token) || isPlaceHead(token);

/** A lower-case word that may join two capitalized parts of one name. */
export const isConnector = (token: Token): boolean =>
  token.text === '&' || (token.isWord && !token.isCap && CONNECTORS.has(token.lower));

export const isParticle = (token: Token): boolean => token.isWord && !token.isCap && PARTICLES.has(token.lower);

export const isFunctionWord = (token: Token): boolean => FUNCTION_WORDS.has(token.lower);

export const isCompass = (token: Token): boolean => token.isWord && COMPASS.has(token.lower);
export const isCompassWord = (lower: string): boolean => COMPASS.has(lower);

/** An occupation or description before a person ("actor", "insider"). */
export const isDescriptor = (token: Token): boolean => token.isWord && DESCRIPTORS.has(token.lower);

/** "Delhi-based", "Oscar-winning": an adjective made from a name. */
export const isNameAdjective = (token: Token): boolean =>
  token.isWord && token.lower.includes('-') && ADJECTIVE_SUFFIXES.has(lastPart(token.lower));

/**
 * A nationality, religion or follower word ("Zambian", "Portuguese", "Scientologist", "Danish"):
 * the knowledge base's job, never a discovered name alone nor part of a person's name. Given
 * names with these endings ("Brian", "Julian") are not.
 */
export const isDemonymLike = (token: Token): boolean => token.isCap && !token.isAllCaps && isDemonymWord(token.lower);

/** The word-level test behind `isDemonymLike`, on a lower-case word. */
export const isDemonymWord = (lower: string): boolean =>
  lower.length >= 5 && /(?:ian|ean|ican|ese|ish|(?<![qv])ist)s?$/.test(lower) && !isFirstName(lower);

/** "I’m", "Don’t", "We’ll": contractions are sentence words, not names. */
const CONTRACTION = /['’](?:m|re|ve|ll|d|t)$/;

/**
 * Capitalized words that are never (part of) a person, organization or place name: months, days,
 * the pronoun "I" and contractions, adjectives made from names ("Delhi-based"), abbreviations of ordinary words ("IQ", "GMT"), web addresses.
 */
export const isNeverName = (token: Token): boolean =>
  MONTHS_AND_DAYS.has(token.lower) ||
  token.text === 'I' ||
  CONTRACTION.test(token.lower) ||
  isNameAdjective(token) ||
  (token.isAllCaps && PLAIN_ACRONYMS.has(token.lower)) ||
  /\.(?:com|org|net|gov|edu|info|io|uk)$/i.test(token.text);
