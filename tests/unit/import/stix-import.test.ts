import { describe, expect, test } from 'vitest';
import { parseEntities } from '../../../lib/import';
import { refusalOf } from './refusal';

const bundle = (objects: unknown[]) =>
  JSON.stringify({ type: 'bundle', id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d', objects });
const read = (text: string) => parseEntities(text, { fileName: 'feed.json', sourceName: 'ATT&CK' });
const base = { spec_version: '2.1', created: '2024-01-01T00:00:00.000Z', modified: '2024-01-01T00:00:00.000Z' };

const OBJECTS = [
  {
    ...base,
    type: 'identity',
    id: 'identity--1',
    name: 'Mohammad Javad Zarif',
    identity_class: 'individual',
    description: 'Former foreign minister.',
  },
  { ...base, type: 'identity', id: 'identity--2', name: 'Министерство обороны', identity_class: 'organization' },
  { ...base, type: 'identity', id: 'identity--3', name: 'Journalists', identity_class: 'class' },
  { ...base, type: 'identity', id: 'identity--4', name: 'SCADA fleet', identity_class: 'system' },
  {
    ...base,
    type: 'threat-actor',
    id: 'threat-actor--5',
    name: 'Charming Kitten',
    aliases: ['APT35', 'فسفر'],
    labels: ['nation-state'],
  },
  {
    ...base,
    type: 'intrusion-set',
    id: 'intrusion-set--6',
    name: 'APT28',
    aliases: ['Fancy Bear'],
    x_mitre_aliases: ['APT28', 'Sofacy', '奇幻熊'],
  },
  { ...base, type: 'location', id: 'location--7', name: 'Tehran', country: 'ir', city: 'Tehran' },
  { ...base, type: 'location', id: 'location--8', country: 'UA' },
  { ...base, type: 'malware', id: 'malware--9', name: 'X-Agent', is_family: true },
  {
    ...base,
    type: 'relationship',
    id: 'relationship--10',
    relationship_type: 'uses',
    source_ref: 'intrusion-set--6',
    target_ref: 'malware--9',
  },
  { ...base, type: 'intrusion-set', id: 'intrusion-set--11', name: 'Old set', revoked: true },
];

describe('STIX 2.1 bundles', () => {
  test('maps identities, threat actors, intrusion sets and locations; skips the rest', () => {
    const result = read(bundle(OBJECTS));
    expect(result.entities.map((e) => [e.id, e.type, e.name])).toEqual([
      ['stix:identity--1', 'person', 'Mohammad Javad Zarif'],
      ['stix:identity--2', 'organization', 'Министерство обороны'],
      ['stix:identity--3', 'group', 'Journalists'],
      ['stix:identity--4', 'organization', 'SCADA fleet'],
      ['stix:threat-actor--5', 'group', 'Charming Kitten'],
      ['stix:intrusion-set--6', 'group', 'APT28'],
      ['stix:location--7', 'place', 'Tehran'],
      ['stix:location--8', 'place', 'UA'],
    ]);
    expect(result.skipped).toBe(3);
    expect(result.entities[0]).toMatchObject({
      description: 'Former foreign minister.',
      source: { kind: 'import', name: 'ATT&CK' },
    });
    expect(result.entities[4]).toMatchObject({ aliases: ['APT35', 'فسفر'], tags: ['nation-state'] });
    expect(result.entities[5]!.aliases).toEqual(['Fancy Bear', 'Sofacy', '奇幻熊']);
    expect(result.entities[6]!.country).toBe('IR');
  });

  test.each([
    [
      'a lone STIX object',
      JSON.stringify({ ...base, type: 'report', id: 'report--1', name: 'R' }),
      'Not a STIX bundle: "type" is "report"',
    ],
    [
      'objects not an array',
      JSON.stringify({ type: 'bundle', id: 'bundle--1', objects: {} }),
      'objects: expected an array of STIX objects',
    ],
    [
      'aliases not a list',
      bundle([OBJECTS[0], { ...OBJECTS[4], aliases: 'APT35' }]),
      'objects[1].aliases ("threat-actor--5"): expected an array of strings',
    ],
    [
      'an identity without a name',
      bundle([{ ...base, type: 'identity', id: 'identity--x' }]),
      'objects[0] ("identity--x"): the name is empty',
    ],
    [
      'a name over 500 characters',
      bundle([{ ...OBJECTS[0], name: 'n'.repeat(600) }]),
      'name is 600 characters long (at most 500)',
    ],
  ])('refuses %s', (_label, text, message) => {
    expect(refusalOf(() => read(text)).message).toContain(message);
  });
});
