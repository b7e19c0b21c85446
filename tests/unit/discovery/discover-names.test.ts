import { describe, expect, test } from 'vitest';
import { discoverNames, type KnownSpan } from '../../../lib/discovery';

// Paragraphs of the product's seed articles (tests/fixtures/caspian-cooperation.html and
// humanitarian-readiness.html), and sentences written for these rules.
const CASPIAN = [
  'Tehran, Moscow discuss maritime cooperation in Caspian Sea during China visit',
  'Rear Admiral Habibollah Sayyari, deputy chief of the Iranian Army for Coordination, and Alexander Fomin, Deputy Minister of Defense of the Russian Federation, were in Beijing on Sunday to attend the Xiangshan Security Forum.',
  'A key focus of the meeting was the Caspian Sea, which Rear Admiral Sayyari described as a "sea of peace and friendship."',
];
const HUMANITARIAN = [
  'Commander expresses Iran’s readiness to support humanitarian initiatives',
  'During his stay in China, Rear Admiral Habibullah Sayyari also engaged in productive discussions with Gilles Carbonnier, the Vice-President of the International Committee of the Red Cross. They focused on the significant contributions of the Iranian armed forces to international humanitarian efforts.',
  'In addition to his meeting with Carbonnier, Rear Admiral Sayyari visited the National University of Defense Technology and a Chinese military-affiliated think tank.',
];

/** Every discovered mention's text, in order. */
function texts(blocks: string[], known: KnownSpan[] = []): string[] {
  return discoverNames(blocks, { known }).mentions.map((m) => blocks[m.block]!.slice(m.start, m.end));
}

/** The knowledge-base spans of the given names, found by position in the blocks. */
function knownOf(blocks: string[], names: string[]): KnownSpan[] {
  return blocks.flatMap((text, block) =>
    names.flatMap((name) => {
      const out: KnownSpan[] = [];
      for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1))
        out.push({ block, start: at, end: at + name.length });
      return out;
    }),
  );
}

function actor(blocks: string[], name: string, known: KnownSpan[] = []) {
  return discoverNames(blocks, { known }).actors.find((a) => a.name === name);
}

describe('seed articles: names, types and full extent', () => {
  test.each([
    [CASPIAN, 'Habibollah Sayyari', 'person'],
    [CASPIAN, 'Alexander Fomin', 'person'],
    [HUMANITARIAN, 'Habibullah Sayyari', 'person'],
    [HUMANITARIAN, 'Gilles Carbonnier', 'person'],
    [HUMANITARIAN, 'International Committee of the Red Cross', 'organization'],
    [HUMANITARIAN, 'National University of Defense Technology', 'organization'],
  ])('%#: %s', (blocks, name, type) => {
    expect(actor(blocks, name)).toMatchObject({ name, type });
  });

  test.each([
    ['Rear Admiral', CASPIAN],
    ['Admiral Habibollah', CASPIAN],
    ['Deputy Minister', CASPIAN],
    ['Defense', CASPIAN],
    ['Coordination', CASPIAN],
    ['Vice-President', HUMANITARIAN],
    ['National University', HUMANITARIAN],
    ['Commander', HUMANITARIAN],
    ['In addition', HUMANITARIAN],
    ['They', HUMANITARIAN],
  ])('"%s" is not a name by itself', (fragment, blocks) => {
    expect(texts(blocks)).not.toContain(fragment);
  });

  test('surnames belong to the person named in full', () => {
    expect(actor(HUMANITARIAN, 'Gilles Carbonnier')).toMatchObject({ mentions: 2, aliases: [] });
    expect(actor(CASPIAN, 'Habibollah Sayyari')).toMatchObject({ mentions: 2, aliases: [] });
  });

  test('with the knowledge base: known spans left alone, nothing built from them', () => {
    const known = knownOf(CASPIAN, [
      'Tehran',
      'Moscow',
      'Caspian Sea',
      'China',
      'Iranian Army',
      'Russian Federation',
      'Beijing',
      'Xiangshan Security Forum',
    ]);
    expect(texts(CASPIAN, known)).toEqual(['Habibollah Sayyari', 'Alexander Fomin', 'Sayyari']);
  });
});

describe('titles and roles mark people and are not part of the name', () => {
  test.each([
    ['Rear Admiral Habibollah Sayyari arrived.', 'Habibollah Sayyari'],
    ['The talks included Deputy Minister of Defense Alexander Fomin and others.', 'Alexander Fomin'],
    ['It was signed by Sen. Tammy Okonkwo on Friday.', 'Tammy Okonkwo'],
    ['The patient saw Dr. Ilse Brandvold twice.', 'Ilse Brandvold'],
    ['Later President Ferhat Oduya spoke.', 'Ferhat Oduya'],
    ['Then Foreign Minister Wang Yi left.', 'Wang Yi'],
    ['He met Secretary of State Marla Quennell.', 'Marla Quennell'],
  ])('%s', (sentence, name) => {
    expect(actor([sentence], name)?.type).toBe('person');
    expect(texts([sentence])).toEqual([name]);
  });
});

describe('organizations and places keep their full extent', () => {
  test.each([
    [
      'He joined the International Committee of the Red Cross (ICRC) in 2001.',
      'International Committee of the Red Cross',
      'organization',
    ],
    [
      'Students at the National University of Defense Technology protested.',
      'National University of Defense Technology',
      'organization',
    ],
    ['A loan came from the Bank of Kiribati on Monday.', 'Bank of Kiribati', 'organization'],
    ['Officials at the Ministry of Science and Technology agreed.', 'Ministry of Science and Technology', 'organization'],
    ['Flooding hit Hormozgan Province last week.', 'Hormozgan Province', 'place'],
    ['Boats crossed the Zarand River at dawn.', 'Zarand River', 'place'],
  ])('%s', (sentence, name, type) => {
    expect(actor([sentence], name)?.type).toBe(type);
  });

  test('a longer name may contain known spans; the known span alone is not repeated', () => {
    const blocks = ['Reporters from the Iranian Students News Agency said so.'];
    expect(texts(blocks, knownOf(blocks, ['Iranian']))).toEqual(['Iranian Students News Agency']);
  });

  test.each([
    ['Talks between Iran Russia and others began.', ['Iran', 'Russia']],
    ['Iran and Russia signed it.', ['Iran', 'Russia']],
  ])('no name out of adjacent known spans: %s', (sentence, names) => {
    expect(texts([sentence], knownOf([sentence], names))).toEqual([]);
  });
});

describe('no trailing punctuation, no possessive', () => {
  test.each([
    ['It was a victory for Gilles Carbonnier.', 'Gilles Carbonnier'],
    ['Observers praised Ilse Brandvold’s plan.', 'Ilse Brandvold'],
    ['Sources close to Ferhat Oduya, however, disagreed.', 'Ferhat Oduya'],
    ['"We are ready," said Marla Quennell!', 'Marla Quennell'],
  ])('%s', (sentence, name) => {
    expect(texts([sentence])).toEqual([name]);
  });
});

describe('sentence-initial capitals and headline case are not names by themselves', () => {
  test.each([
    [['The talks ended. However, nothing changed. Officials said more talks were planned.']],
    [['Prices Soar As Winter Bites', 'Prices rose again this week.']],
    [['Last Year the harvest failed.']],
  ])('%j', (blocks) => {
    expect(texts(blocks)).toEqual([]);
  });

  test('headline words around known names: "Iran And Russia Sign Pact"', () => {
    const blocks = ['Iran And Russia Sign Pact', 'Iran and Russia signed a pact on Friday.'];
    expect(texts(blocks, knownOf(blocks, ['Iran', 'Russia']))).toEqual([]);
  });

  test.each([
    [['Carbonnier said the talks went well.'], 'Carbonnier'],
    [['Sayyari Visits Beijing Academy', 'Rear Admiral Habibollah Sayyari arrived on Monday.'], 'Sayyari'],
    [['Police arrested two men.', 'A spokesman for the Police declined to comment.'], 'Police'],
  ])('with evidence it is a name: %j', (blocks, name) => {
    expect(texts(blocks)).toContain(name);
  });
});

describe('coreference within the article', () => {
  test('a defined acronym becomes an alias, and its later mentions join the actor', () => {
    const blocks = ['He joined the International Committee of the Red Cross (ICRC) in 2001.', 'The ICRC later sent staff.'];
    const { actors, mentions } = discoverNames(blocks);
    expect(actors).toHaveLength(1);
    expect(actors[0]).toMatchObject({ name: 'International Committee of the Red Cross', aliases: ['ICRC'], mentions: 3 });
    expect(new Set(mentions.map((m) => m.key))).toEqual(new Set([actors[0]!.key]));
  });

  test('a bare surname is a mention of the person, never an alias', () => {
    const blocks = ['Gilles Carbonnier arrived.', 'Later, Carbonnier left.'];
    expect(discoverNames(blocks).actors).toEqual([
      expect.objectContaining({ name: 'Gilles Carbonnier', type: 'person', aliases: [], mentions: 2 }),
    ]);
  });
});

describe('suppressed names are never returned', () => {
  test.each([['gilles carbonnier'], ['Gilles Carbonnier']])('suppressing %s', (rejected) => {
    const isSuppressed = (name: string) => name.toLowerCase() === rejected.toLowerCase();
    const result = discoverNames(HUMANITARIAN, { isSuppressed });
    expect(result.actors.map((a) => a.name)).not.toContain('Gilles Carbonnier');
    expect(result.mentions.every((m) => !HUMANITARIAN[m.block]!.slice(m.start, m.end).includes('Carbonnier'))).toBe(true);
  });
});

describe('output shape', () => {
  test('mentions are sorted, do not overlap, and never overlap known spans', () => {
    const known = knownOf(HUMANITARIAN, ['Iran', 'China', 'Gaza', 'Iranian', 'Chinese']);
    const { mentions } = discoverNames(HUMANITARIAN, { known });
    for (let i = 1; i < mentions.length; i++) {
      const [a, b] = [mentions[i - 1]!, mentions[i]!];
      expect(a.block < b.block || (a.block === b.block && a.end <= b.start)).toBe(true);
    }
    for (const m of mentions) {
      expect(known.some((k) => k.block === m.block && k.start < m.end && m.start < k.end)).toBe(false);
    }
  });

  test.each([
    ['Gilles Carbonnier', 0.6, 1],
    ['International Committee of the Red Cross', 0.6, 1],
  ])('confidence of %s is in [%d, %d]', (name, low, high) => {
    const found = actor(HUMANITARIAN, name)!;
    expect(found.confidence).toBeGreaterThanOrEqual(low);
    expect(found.confidence).toBeLessThanOrEqual(high);
  });

  test('a lone single capitalized word scores low', () => {
    expect(actor(['The deal was backed by Zorvath on Monday.'], 'Zorvath')!.confidence).toBeLessThan(0.6);
  });
});
