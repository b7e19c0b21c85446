/**
 * classifyTopics on short texts: each subtopic wins its own text, inflections count as one term,
 * repeats saturate, unrelated text gets nothing, reader topics and entity tags add their evidence.
 */
import { describe, expect, test } from 'vitest';
import { classifyTopics, type TopicEntity, type UserTopic } from '../../../lib/topics';

const labels = (text: string | string[], entities: TopicEntity[] = [], custom: UserTopic[] = []): string[] =>
  classifyTopics(typeof text === 'string' ? [text] : text, entities, { custom }).map((t) => t.label);

const topic = (text: string, label: string, entities: TopicEntity[] = []) =>
  classifyTopics([text], entities, { limit: 50 }).find((t) => t.label === label);

describe('a short text about one subtopic ranks it first', () => {
  test.each([
    [
      'defense and military cooperation',
      'The two defence ministers signed a military cooperation agreement and planned joint exercises for their armed forces.',
    ],
    [
      'armed conflict',
      'Heavy shelling and airstrikes hit the city as fighting intensified along the front line, despite calls for a ceasefire.',
    ],
    ['terrorism', 'The suicide bombing was claimed by a jihadist group; counterterrorism police raised the terror threat level.'],
    ['peace process', 'Negotiators resumed peace talks in Doha, hoping a peace agreement would include a prisoner exchange.'],
    [
      'maritime security',
      'Warships escorted tankers through the strait as piracy threatened freedom of navigation and the coast guard stepped up naval patrols.',
    ],
    [
      'nuclear programs',
      'Inspectors said uranium enrichment had resumed at the nuclear facility, casting doubt on the nuclear deal.',
    ],
    ['protests and civil unrest', 'Riot police fired tear gas at protesters as unrest spread and a curfew was declared.'],
    ['arms and weapons', 'The ministry ordered new air defense systems, howitzers and ammunition from an arms manufacturer.'],
    [
      'diplomacy',
      'The foreign minister met his counterpart for bilateral talks and the two ambassadors issued a joint statement.',
    ],
    ['sanctions', 'The Treasury imposed sanctions on three banks, ordering an asset freeze and tightening the oil embargo.'],
    [
      'elections',
      'Voters queued at polling stations as the election commission reported record turnout in the presidential runoff.',
    ],
    ['human rights', 'Human rights groups documented torture and arbitrary detention of dissidents.'],
    [
      'intelligence and espionage',
      'The intelligence agency arrested a suspected spy accused of espionage for a foreign service.',
    ],
    [
      'trade and transport',
      'The new rail link will cut freight times along the transport corridor and boost exports through the seaport.',
    ],
    ['energy', 'Oil prices rose as OPEC cut output and the new gas pipeline delayed LNG shipments to the refinery.'],
    ['financial markets', 'Stocks fell on Wall Street as bond yields climbed and the Nasdaq slid two percent.'],
    ['monetary policy', 'The central bank raised its benchmark interest rate by 50 basis points to fight inflation.'],
    [
      'agriculture and food security',
      'Drought cut the wheat harvest, and farmers warned of rising food prices and food insecurity.',
    ],
    ['humanitarian aid', 'Aid agencies sent an aid convoy with relief supplies as the humanitarian crisis worsened.'],
    [
      'disaster management',
      'Civil protection teams led the search and rescue while officials praised the disaster preparedness plan.',
    ],
    ['public health', 'Health officials confirmed a cholera outbreak and began a vaccination campaign to contain the epidemic.'],
    [
      'climate change',
      'The report warned that greenhouse gas emissions keep rising and net zero targets are slipping as climate change accelerates.',
    ],
    ['cybersecurity', 'Hackers behind the ransomware attack stole data in a breach, the cybersecurity agency said.'],
    ['space', 'The spacecraft reached lunar orbit after a rocket launch, the space agency said, with astronauts due next year.'],
    [
      'artificial intelligence',
      'The company released a chatbot built on a large language model, the latest step in artificial intelligence.',
    ],
    [
      'migration and refugees',
      'Thousands of refugees and asylum seekers crossed the border; the migrants were moved to a refugee camp.',
    ],
    ['organized crime and trafficking', 'Police dismantled a drug cartel accused of cocaine smuggling and money laundering.'],
    ['corruption', 'The former minister was charged with bribery and embezzlement in a corruption case.'],
    [
      'education and academic exchange',
      'The universities launched a student exchange program and an academic exchange of visiting scholars.',
    ],
    [
      'sport',
      'The striker scored twice as the team won the championship final in a packed stadium, and the coach praised the league.',
    ],
    [
      'weather',
      'Forecasters expect heavy snowfall and freezing temperatures, the national weather service said, with thunderstorms later.',
    ],
    ['religion', 'The pope led prayers at the cathedral and the bishop urged worshippers to keep their faith.'],
  ])('%s', (label, text) => {
    expect(labels(text)[0]).toBe(label);
  });
});

describe('inflections are one term', () => {
  test.each([
    ['sanctions', 'sanctioned'],
    ['sanctions', 'sanctioning'],
    ['sanctions', 'sanction'],
    ['elections', 'ballots'],
    ['defense and military cooperation', 'joint exercise'],
  ])('%s from "%s"', (label, word) => {
    const text = `Officials ${word} again. They said the ${word} mattered, the ${word} was repeated, ${word}.`;
    expect(topic(text, label)).toBeDefined();
  });

  test('"allied", "allies" and "ally" are the same stem, "voted" and "votes" too', () => {
    const a = topic('Voters voted. The votes were counted in the election.', 'elections');
    const b = topic('Voters vote. The vote was counted in the election.', 'elections');
    expect(a?.score).toBe(b?.score);
  });
});

describe('saturation: a term said 20 times does not swamp the rest', () => {
  const once = 'The government announced sanctions.';
  const twenty = `${once} ${'More sanctions. '.repeat(19)}`;

  test('twenty mentions score less than three times one', () => {
    const one = topic(`${once} An asset freeze followed.`, 'sanctions')!.score;
    const many = topic(`${twenty} An asset freeze followed.`, 'sanctions')!.score;
    expect(many).toBeLessThan(3 * one);
  });

  test('a topic with several distinct terms outranks one term repeated', () => {
    const text = [
      'The ministry said the election would go ahead. ' + 'Election. '.repeat(19),
      'Aid agencies sent an aid convoy with relief supplies as the humanitarian crisis worsened and famine spread.',
    ];
    expect(labels(text)[0]).toBe('humanitarian aid');
  });
});

describe('no topic is better than a wrong one', () => {
  test.each([
    ['empty', ''],
    ['one word', 'War.'],
    ['a passing strong word', 'Sanctions.'],
    [
      'prose about nothing in the taxonomy',
      'She walked to the window and looked out at the garden for a long time, thinking about the letter.',
    ],
    ['weak words only', 'Officials met and talks continued; the partnership was discussed at length by the team.'],
    ['another language', 'Die Regierung hat neue Maßnahmen angekündigt, sagte der Sprecher am Montag.'],
    ['a topic word in another sense', 'The think tank found a conflict of interest; the price war and a war of words followed.'],
  ])('%s', (_case, text) => {
    expect(labels(text)).toEqual([]);
  });

  test('"sanctions relief" is not humanitarian relief', () => {
    expect(
      topic('Talks on sanctions relief stalled; the embargo and the asset freeze remain.', 'humanitarian aid'),
    ).toBeUndefined();
  });
});
