/**
 * Token-level questions over the cue word lists: is this token a title, an organization or place
 * head, a connector? Hyphenated titles ("Vice-President", "ex-Minister") count when every part is one.
 */
import {
  CONNECTORS,
  FUNCTION_WORDS,
  MONTHS_AND_DAYS,
  ORG_HEADS,
  PARTICLES,
  PLACE_HEADS,
  PLAIN_ACRONYMS,
  TITLES,
} from './cue-words';
import type { Token } from './tokenize';

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

export const isOrgHead = (token: Token): boolean => token.isWord && ORG_HEADS.has(token.lower);
export const isPlaceHead = (token: Token): boolean => token.isWord && PLACE_HEADS.has(token.lower);
export const isHead = (token: Token): boolean => isOrgHead(token) || isPlaceHead(token);

/** A lower-case word that may join two capitalized parts of one name. */
export const isConnector = (token: Token): boolean =>
  token.text === '&' || (token.isWord && !token.isCap && CONNECTORS.has(token.lower));

export const isParticle = (token: Token): boolean => token.isWord && !token.isCap && PARTICLES.has(token.lower);

export const isFunctionWord = (token: Token): boolean => FUNCTION_WORDS.has(token.lower);

/**
 * Capitalized words that are never (part of) a person, organization or place name: months, days,
 * the pronoun "I", abbreviations of ordinary words ("IQ", "GMT"), web addresses.
 */
export const isNeverName = (token: Token): boolean =>
  MONTHS_AND_DAYS.has(token.lower) ||
  token.text === 'I' ||
  (token.isAllCaps && PLAIN_ACRONYMS.has(token.lower)) ||
  /\.(?:com|org|net|gov|edu|info|io|uk)$/i.test(token.text);
