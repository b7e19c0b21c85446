import { describe, expect, test } from 'vitest';
import { countCsvRecords, detectDelimiter, readCsvRows } from '../../../lib/import/csv-reader';
import { guardFormula, joinListCell, splitListCell, unguardFormula } from '../../../lib/import/csv-cells';
import { ImportError } from '../../../lib/import';

const rows = (text: string, delimiter = ',') => [...readCsvRows(text, delimiter)];

describe('readCsvRows (RFC 4180)', () => {
  test.each([
    [
      'plain',
      'a,b\n1,2\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'CRLF',
      'a,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'lone CR',
      'a,b\r1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'no final newline',
      'a,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['quoted comma', '"Sayyari, H.",x', [['Sayyari, H.', 'x']]],
    ['doubled quotes', '"say ""hi""",x', [['say "hi"', 'x']]],
    [
      'newline inside quotes',
      '"line1\r\nline2",x\ny,z',
      [
        ['line1\r\nline2', 'x'],
        ['y', 'z'],
      ],
    ],
    ['empty quoted field', '"",x', [['', 'x']]],
    ['trailing empty field', 'a,', [['a', '']]],
    ['bare quote inside a plain field is kept', 'The "Boss",x', [['The "Boss"', 'x']]],
    ['Unicode', 'حبیب‌الله سیاری,Путин,习近平\n', [['حبیب‌الله سیاری', 'Путин', '习近平']]],
  ])('%s', (_label, text, expected) => {
    expect(rows(text).map((r) => r.fields)).toEqual(expected);
  });

  test('counts physical lines, so a record after a multi-line field starts on the right line', () => {
    expect(rows('h\n"a\nb\nc"\nnext\n').map((r) => r.line)).toEqual([1, 2, 5]);
  });

  test.each([
    ['unterminated quote names the line it opens on', 'h,x\nok,1\n"never closed,2\nmore\n', 'Line 3: unterminated quoted field'],
    ['text after a closing quote', 'h,x\n"a"b,1\n', 'Line 2: unexpected text after a closing quote'],
  ])('%s', (_label, text, message) => {
    expect(() => rows(text)).toThrow(ImportError);
    expect(() => rows(text)).toThrow(message);
  });

  test.each([
    ['name,type,aliases', ','],
    ['name;type;aliases', ';'],
    ['name\ttype\taliases', '\t'],
    ['"a;b",type', ','],
  ])('detects the delimiter of %j', (header, delimiter) => {
    expect(detectDelimiter(`${header}\nx`)).toBe(delimiter);
  });

  test.each([
    ['', 0],
    ['h\n', 1],
    ['h\na', 2],
    ['h\r\n"a\r\nb"\r\n', 2],
  ])('countCsvRecords(%j) is %i', (text, count) => {
    expect(countCsvRecords(text)).toBe(count);
  });
});

describe('list cells and formula guard', () => {
  test.each([
    ['Putin|Путин', ['Putin', 'Путин']],
    ['Putin;Путин', ['Putin', 'Путин']],
    ['a\\|b|c', ['a|b', 'c']],
    ['a\\;b', ['a;b']],
    ['C:\\dir', ['C:\\dir']],
    ['back\\\\|x', ['back\\', 'x']],
  ])('splitListCell(%j)', (cell, items) => {
    expect(splitListCell(cell)).toEqual(items);
  });

  test.each([[['a|b', 'c;d', 'e\\', 'f']], [['']], [['\\|;']]])('joinListCell then splitListCell gives back %j', (items) => {
    expect(splitListCell(joinListCell(items))).toEqual(items);
  });

  test.each([
    ['=HYPERLINK("x")', '\'=HYPERLINK("x")'],
    ['+1', "'+1"],
    ['-x', "'-x"],
    ['@SUM', "'@SUM"],
    ["'=x", "''=x"],
    ["'plain", "'plain"],
    ['Tehran', 'Tehran'],
  ])('guards %j as %j and back', (cell, guarded) => {
    expect(guardFormula(cell)).toBe(guarded);
    expect(unguardFormula(guarded)).toBe(cell);
  });
});
