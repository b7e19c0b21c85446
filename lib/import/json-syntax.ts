/**
 * Finds where a JSON text stops being valid (RFC 8259 grammar). Engines disagree on what they
 * report: V8 often gives no position ("Unexpected token '}'"), Firefox a line and column. Running
 * this scanner after `JSON.parse` fails gives the same place in every browser. O(n), only on failure.
 */

/** Thrown inside the scanner at the first invalid offset. */
class Stop {
  constructor(readonly at: number) {}
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const SIMPLE_ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'];

function createScanner(text: string) {
  let i = 0;
  const skipSpace = () => {
    while (WHITESPACE.has(text[i]!)) i++;
  };
  const expect = (ch: string) => {
    if (text[i] !== ch) throw new Stop(i);
    i++;
  };

  function string(): void {
    expect('"');
    for (;;) {
      if (i >= text.length || text.charCodeAt(i) < 0x20) throw new Stop(i);
      const ch = text[i]!;
      if (ch === '"') return void i++;
      if (ch !== '\\') i++;
      else if (SIMPLE_ESCAPES.has(text[i + 1]!)) i += 2;
      else if (text[i + 1] === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
      else throw new Stop(Math.min(i + 1, text.length));
    }
  }

  function number(): void {
    NUMBER.lastIndex = i;
    const match = NUMBER.exec(text);
    // A lone minus sign: the error is the character after it.
    if (!match) throw new Stop(text[i] === '-' ? i + 1 : i);
    i += match[0].length;
  }

  function literal(): void {
    const rest = text.slice(i, i + 5);
    const word = LITERALS.find((w) => rest.startsWith(w));
    if (word) return void (i += word.length);
    const truncated = LITERALS.some((w) => i + rest.length === text.length && w.startsWith(rest));
    throw new Stop(truncated ? text.length : i);
  }

  function members(close: string, member: () => void): void {
    i++;
    skipSpace();
    if (text[i] === close) return void i++;
    for (;;) {
      member();
      skipSpace();
      if (text[i] !== ',') return expect(close);
      i++;
    }
  }

  function value(): void {
    skipSpace();
    const ch = text[i];
    if (ch === '{') {
      members('}', () => {
        skipSpace();
        string();
        skipSpace();
        expect(':');
        value();
      });
    } else if (ch === '[') members(']', value);
    else if (ch === '"') string();
    else if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) number();
    else literal();
  }

  return {
    document(): void {
      value();
      skipSpace();
      if (i < text.length) throw new Stop(i);
    },
  };
}

/**
 * The UTF-16 offset of the first syntax error, or undefined when the scanner finds none
 * (or the nesting is too deep to scan).
 * @example
 * jsonErrorOffset('{"a": 1,\n "b": }') // 15: the "}" where a value should be
 */
export function jsonErrorOffset(text: string): number | undefined {
  try {
    createScanner(text).document();
    return undefined;
  } catch (error) {
    if (error instanceof Stop) return error.at;
    return undefined;
  }
}
