import { describe, expect, test } from 'vitest';
import { detectFormat, parseEntities } from '../../../lib/import';
import { refusalOf } from './refusal';

const FTM = '{"id":"a","schema":"Person","properties":{"name":["A"]}}\n{"id":"b","schema":"Address","properties":{}}\n';

describe('detectFormat', () => {
  test.each([
    ['kb.csv', 'name,type,aliases\nA,person,\n', 'csv'],
    ['export.txt', '\uFEFFName;Type\nA;person\n', 'csv'],
    ['kb.csv', 'nom,genre\nA,person\n', 'csv'],
    ['backup.json', '{"format":"dramatis-entities","version":1,"entities":[]}', 'dramatis-json'],
    ['wrong-extension.csv', '\n  {"version":1,"entities":[],"format":"dramatis-entities"}', 'dramatis-json'],
    ['broken.json', '{"format": "dramatis-entities", "entities": [', 'dramatis-json'],
    ['enterprise-attack.json', '{"type":"bundle","id":"bundle--1","objects":[]}', 'stix'],
    ['report.json', '{"type":"report","spec_version":"2.1","id":"report--1"}', 'stix'],
    ['entities.ftm.json', FTM, 'ftm'],
    ['data.jsonl', FTM.split('\n')[0]!, 'ftm'],
    ['hello.json', '{"hello":1}', null],
    ['list.json', '[1,2,3]', null],
    ['page.html', '<!doctype html><html><body>name,type</body></html>', null],
    ['image.png', '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR', null],
    ['notes.txt', 'Just some notes\nabout people\n', null],
    ['empty.csv', '', null],
    ['blank.json', '  \n\t\n', null],
  ])('%s → %s', (fileName, text, format) => {
    expect(detectFormat(fileName, text)).toBe(format);
  });
});

describe('files Dramatis cannot import', () => {
  test.each([
    [
      'a foreign JSON',
      'hello.json',
      '{"hello":1}',
      'This file is not a format Dramatis can import: it is JSON, but not a Dramatis export',
    ],
    ['HTML', 'page.html', '<html><body></body></html>', 'it looks like HTML or XML'],
    [
      'binary garbage',
      'x.bin',
      String.fromCharCode(...Array.from({ length: 400 }, (_, i) => (i * 7919) % 256)),
      'it looks like a binary file',
    ],
    ['UTF-16 read as UTF-8', 'excel.csv', 'n\u0000a\u0000m\u0000e\u0000', 'or text saved as UTF-16'],
    ['plain prose', 'notes.txt', 'Just some notes\n', 'it has no CSV header with a "name" column'],
    ['an empty file', 'empty.csv', '', 'The file is empty'],
    ['a BOM and blank lines only', 'empty.csv', '\uFEFF\r\n\r\n', 'The file is empty'],
    ['malformed JSON', 'x.json', '{"a": 1,\n "b": }', 'Line 2, column 7: not valid JSON: unexpected character'],
  ])('refuses %s with a clear message', (_label, fileName, text, message) => {
    const error = refusalOf(() => parseEntities(text, { fileName }));
    expect(error.message).toContain(message);
  });

  test('the refusal of a foreign file says what is expected', () => {
    expect(refusalOf(() => parseEntities('{"hello":1}')).message).toContain(
      'expected a CSV with "name" and "type" columns, a Dramatis JSON export, FollowTheMoney JSON lines (OpenSanctions) or a STIX 2.1 bundle',
    );
  });
});
