/**
 * Splits a text block into word and punctuation tokens with UTF-16 offsets, and marks where
 * sentences start: a capital there says nothing about a name. One linear scan with sticky regexes
 * (no backtracking across the text).
 */

export interface Token {
  start: number;
  end: number;
  text: string;
  /** Lower case, without a trailing period ("sen" for "Sen."). */
  lower: string;
  /** Letters or digits (a word), as opposed to punctuation. */
  isWord: boolean;
  /** Starts with an upper-case letter. */
  isCap: boolean;
  /** Two or more letters, all upper case ("ICRC", "U.S."). */
  isAllCaps: boolean;
  /** First word of a sentence (block start, after . ! ? : ; a dash, or an opening quote). */
  isInitial: boolean;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’\-.&][\p{L}\p{M}\p{N}]+)*/uy;
const SPACE = /\s+/y;
const UPPER = /^\p{Lu}|^(?:al|el|ad|ar|as|ash|az|bin|ibn|abu|abd|ul)-\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;
const POSSESSIVE = /['’][sS]$/;

/** Words that take a period without ending the sentence ("Sen.", "St.", "Inc."). */
const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof sen rep gov gen lt col capt cmdr adm sgt maj cpl pvt st mt ft jr sr inc corp co ltd no vs rev hon messrs mme mlle ave blvd dept univ est approx fig'.split(
    ' ',
  ),
);
const SENTENCE_END = new Set(['.', '!', '?', ':', ';', '…', '–', '—', '\n']);
const OPENING = new Set(['"', '“', '‘', "'", '(', '[', '«']);

function makeWord(text: string, start: number): Token {
  const lower = text.toLowerCase().replace(/\.$/, '');
  const letters = text.replace(/[^\p{L}]/gu, '');
  return {
    start,
    end: start + text.length,
    text,
    lower,
    isWord: true,
    isCap: UPPER.test(text),
    isAllCaps: letters.length >= 2 && !HAS_LOWER.test(letters),
    isInitial: false,
  };
}

function punct(text: string, start: number): Token {
  return { start, end: start + text.length, text, lower: text, isWord: false, isCap: false, isAllCaps: false, isInitial: false };
}

/** Capitalized words that start a sentence, never a name after an initial: "in Group D. The draw". */
const SENTENCE_STARTERS = new Set(
  'the this that these those there it its he she we they his her their but and so yet then in on at for after when while however'.split(
    ' ',
  ),
);
const NEXT_WORD = /\.\s+(\p{L}+)/uy;

/** A period after an abbreviation or an initial ("J.") belongs to the word. */
function takesPeriod(text: string, word: string, end: number): boolean {
  if (text[end] !== '.') return false;
  const lower = word.toLowerCase();
  if (ABBREVIATIONS.has(lower) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) return true;
  if (!/^\p{Lu}$/u.test(word)) return false;
  NEXT_WORD.lastIndex = end;
  const next = NEXT_WORD.exec(text)?.[1];
  return !(next && /^\p{Lu}\p{Ll}/u.test(next) && SENTENCE_STARTERS.has(next.toLowerCase()));
}

function markInitials(tokens: Token[]): void {
  let boundary = true;
  for (const token of tokens) {
    if (token.isWord) {
      token.isInitial = boundary;
      boundary = false;
    } else if (SENTENCE_END.has(token.text)) boundary = true;
    else if (!OPENING.has(token.text)) boundary = false;
    else if (token.text !== '(' && token.text !== '[') boundary = true;
  }
}

/**
 * @example
 * tokenize('Sen. Smith said.').map((t) => t.text) // ['Sen.', 'Smith', 'said', '.']
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    SPACE.lastIndex = i;
    if (SPACE.test(text)) {
      // A line break inside a block ends a heading or list item: names never run across it.
      const lineBreak = text.slice(i, SPACE.lastIndex).search(/[\n\r\u2028\u2029]/);
      if (lineBreak >= 0) tokens.push(punct('\n', i + lineBreak));
      i = SPACE.lastIndex;
      continue;
    }
    WORD.lastIndex = i;
    const match = WORD.exec(text);
    if (!match) {
      tokens.push(punct(text[i]!, i));
      i++;
      continue;
    }
    let word = match[0];
    if (takesPeriod(text, word, i + word.length)) word += '.';
    if (POSSESSIVE.test(word) && word.length > 2) {
      tokens.push(makeWord(word.slice(0, -2), i), makeWord(word.slice(-2), i + word.length - 2));
    } else tokens.push(makeWord(word, i));
    i += word.length;
  }
  markInitials(tokens);
  return tokens;
}
