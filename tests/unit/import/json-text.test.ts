import { describe, expect, test } from 'vitest';
import { jsonErrorOffset } from '../../../lib/import/json-syntax';
import { parseJson } from '../../../lib/import/json-text';
import { refusalOf } from './refusal';

describe('JSON syntax errors are placed the same way in every engine', () => {
  test.each([
    ['{"a": 1,}', 'Line 1, column 9: not valid JSON: unexpected character "}"'],
    ['{"a": 1,\n "b": }', 'Line 2, column 7: not valid JSON: unexpected character "}"'],
    ['[1 2]', 'Line 1, column 4: not valid JSON: unexpected character "2"'],
    ["{'a': 1}", 'Line 1, column 2: not valid JSON: unexpected character "\'"'],
    ['{"a": tru', 'Line 1, column 10: not valid JSON: the text ends too early'],
    ['{"a": "x\ny"}', 'Line 1, column 9: not valid JSON: unexpected character "\\n"'],
    ['{"a": "\\x"}', 'Line 1, column 9: not valid JSON: unexpected character "x"'],
    ['{"a": 01}', 'Line 1, column 8: not valid JSON: unexpected character "1"'],
    ['{"a": -}', 'Line 1, column 8: not valid JSON: unexpected character "}"'],
    ['{"a": 1} x', 'Line 1, column 10: not valid JSON: unexpected character "x"'],
    ['[\n[\n', 'Line 3, column 1: not valid JSON: the text ends too early'],
  ])('%j', (text, message) => {
    expect(refusalOf(() => parseJson(text)).message).toContain(message);
  });

  test.each(['{}', '[]', ' {"a": [1, -2.5e+3, 0, true, false, null, "\\u00e9\\n\\"", {"b": {}}]} \n', '"Путин"', '-0.0E-0'])(
    'finds no error in valid JSON %j',
    (text) => {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(jsonErrorOffset(text)).toBeUndefined();
    },
  );

  test('the line offset of a JSON-lines record is added', () => {
    expect(refusalOf(() => parseJson('{"a":', 13)).location).toEqual({ line: 14, column: 6 });
  });
});
