/**
 * The topic taxonomy: the 17 top levels of IPTC Media Topics (https://iptc.org/standards/media-topics/,
 * QCodes as published at http://cv.iptc.org/newscodes/mediatopic/) and, under them, the subtopics a
 * news analyst follows. IPTC gives the names; the keywords, weights and entity evidence are Dramatis's.
 *
 * Weights: 3 names the topic on its own ("humanitarian aid"), 2 is a strong sign, 1 a clear one,
 * below 1 a word that only supports other evidence. Keywords are matched on stems (tokens.ts), so
 * list one inflection; a longer phrase wins over the words inside it, which keeps "think tank" from
 * being a tank and "sanctions relief" from being humanitarian relief. Entity evidence comes from the
 * tags of the starter pack (lib/entities/pack/starter-pack.json).
 */
import { kw } from './define';
import { SUBTOPICS } from './subtopics';
import type { TopicDefinition } from './types';

/** Phrases that hold a topic word in another sense; they are matched first and count for nothing. */
export const STOP_PHRASES: readonly string[] = [
  'think tank',
  'conflict of interest',
  'conflicts of interest',
  'price war',
  'war of words',
  'culture war',
  'star wars',
  'charm offensive',
  'first aid',
  'hearing aid',
  'legal aid',
  'aid and abet',
  'james bond',
  'solar system',
  'trade secret',
  'storm of criticism',
  'political climate',
  'business climate',
  'investment climate',
];

const TOP_LEVELS: readonly TopicDefinition[] = [
  {
    id: 'arts-culture-entertainment-and-media',
    label: 'arts, culture, entertainment and media',
    iptc: 'medtop:01000000',
    keywords: kw({
      2.5: 'film festival, box office',
      2: 'grammy, cultural heritage',
      1.5: 'actress, singer, musician, movie, oscar, hollywood, television series, heritage site, novelist',
      1: 'album, concert, museum, theatre, theater, actor, film, artist, painting, song, broadcaster, press freedom, documentary',
      0.75: 'festival, exhibition',
    }),
  },
  {
    id: 'conflict-war-and-peace',
    label: 'conflict, war and peace',
    iptc: 'medtop:16000000',
    keywords: kw({
      1: 'war, wartime, national security',
      0.5: 'geopolitical, peace',
    }),
  },
  {
    id: 'crime-law-and-justice',
    label: 'crime, law and justice',
    iptc: 'medtop:02000000',
    keywords: kw({
      2: 'indictment, indicted, homicide',
      1.5: 'prosecutor, convicted, lawsuit, murder, crime, supreme court, verdict, jury, defendant, theft, robbery, burglary, charged with, guilty, detective',
      1: 'police, arrested, court, trial, judge, sentenced, criminal, prison, suspect, attorney',
      0.75: 'lawyer',
    }),
  },
  {
    id: 'disaster-accident-and-emergency-incident',
    label: 'disaster, accident and emergency incident',
    iptc: 'medtop:03000000',
    keywords: kw({
      2: 'earthquake, wildfire, hurricane, typhoon, cyclone, tsunami, landslide, volcanic eruption, tornado, avalanche, plane crash, derailment, derailed, death toll, aftershock',
      1.5: 'flood, drought, car crash, firefighter, rescuer, emergency services',
      1: 'explosion, blaze, accident',
    }),
  },
  {
    id: 'economy-business-and-finance',
    label: 'economy, business and finance',
    iptc: 'medtop:04000000',
    keywords: kw({
      2: 'gdp, gross domestic product, recession',
      1.5: 'shareholder, merger, economist',
      1: 'economy, revenue, profit, earnings, investor, investment, startup, quarterly, chief executive, ceo, manufacturer, retailer, debt',
      0.75: 'economic, acquisition',
      0.5: 'company, business, industry, market',
    }),
  },
  {
    id: 'education',
    label: 'education',
    iptc: 'medtop:05000000',
    keywords: kw({
      2: 'kindergarten, school district, education ministry, ministry of education, education minister',
      1.5: 'teacher, pupil, classroom, curriculum, tuition, graduation',
      1: 'school, literacy, exam, education',
      0.5: 'college, university, student',
    }),
  },
  {
    id: 'environment',
    label: 'environment',
    iptc: 'medtop:06000000',
    keywords: kw({
      2: 'biodiversity, deforestation, endangered species, oil spill',
      1.5: 'pollution, recycling, plastic waste, ecosystem, air quality',
      1: 'conservation, wildlife, environmental, habitat',
      0.5: 'environment',
    }),
  },
  {
    id: 'health',
    label: 'health',
    iptc: 'medtop:07000000',
    keywords: kw({
      2: 'diabetes, clinical trial, mental health',
      1.5: 'disease, cancer, healthcare, health care, obesity, surgery, symptom',
      1: 'hospital, patient, medical, health, medicine, nurse, physician',
      0.75: 'doctor',
    }),
  },
  {
    id: 'human-interest',
    label: 'human interest',
    iptc: 'medtop:08000000',
    keywords: kw({
      2: 'centenarian',
      1.5: 'royal family, zoo, lottery, viral video',
      1: 'celebrity, birthday, pet',
    }),
  },
  {
    id: 'labour',
    label: 'labour',
    iptc: 'medtop:09000000',
    keywords: kw({
      2: 'labor union, labour union, trade union, walkout, collective bargaining, minimum wage, on strike',
      1.5: 'unemployment, jobless, layoff, laid off, labor market, labour market',
      1: 'wage, workforce, pension',
      0.75: 'employee, worker',
    }),
  },
  {
    id: 'lifestyle-and-leisure',
    label: 'lifestyle and leisure',
    iptc: 'medtop:10000000',
    keywords: kw({
      2: 'recipe, gardening',
      1.5: 'chef, fashion, vacation, hobby, cooking',
      1: 'restaurant, tourism, fitness, wine, beauty',
      0.75: 'tourist',
      0.5: 'travel',
    }),
  },
  {
    id: 'politics',
    label: 'politics',
    iptc: 'medtop:11000000',
    keywords: kw({
      1.5: 'lawmaker, politician, political party',
      1: 'parliament, legislation, senate, senator, congressional, political, democrat, republican',
      0.75: 'opposition, prime minister, cabinet, governor, mayor, coalition',
      0.5: 'government, minister',
    }),
  },
  {
    id: 'religion',
    label: 'religion',
    iptc: 'medtop:12000000',
    keywords: kw({
      2: 'theology',
      1.5: 'mosque, synagogue, pope, vatican, religion, clergy, bishop, imam, rabbi, priest, pilgrimage, pilgrim, ramadan, worship',
      1: 'church, temple, religious, buddhist, prayer',
      0.75: 'faith, christian, muslim',
    }),
  },
  {
    id: 'science-and-technology',
    label: 'science and technology',
    iptc: 'medtop:13000000',
    keywords: kw({
      2: 'genome',
      1.5: 'scientist, software, smartphone, semiconductor, physics, biology, chemistry, robot, quantum, dna, iphone, android, processor, gadget, peer reviewed',
      1: 'researcher, laboratory, technology, experiment, computer, tech',
      0.75: 'research, app, innovation, internet',
    }),
  },
  {
    id: 'society',
    label: 'society',
    iptc: 'medtop:14000000',
    keywords: kw({
      2: 'gender equality',
      1.5: 'poverty, inequality, homeless, homelessness, discrimination, racism, lgbt, demographic, civil society',
      1: 'welfare, charity, volunteer, housing',
    }),
  },
  {
    id: 'sport',
    label: 'sport',
    iptc: 'medtop:15000000',
    keywords: kw({
      2: 'motor racing, horse racing, soccer, basketball, baseball, tennis, rugby, hockey, olympic, playoff, quarterback, touchdown, goalkeeper, midfielder, world cup, grand prix, formula one, nfl, nba, fifa, wicket, draft pick, free agent',
      1.5: 'football, cricket, golf, athlete, championship, tournament',
      1: 'league, coach, striker, stadium, player',
      0.5: 'match, season, team',
    }),
  },
  {
    id: 'weather',
    label: 'weather',
    iptc: 'medtop:17000000',
    keywords: kw({
      2: 'heatwave, heat wave, meteorological, meteorologist, thunderstorm, national weather service',
      1.5: 'weather, rainfall, snow, snowfall, humidity, frost, sunny, cloudy',
      1: 'rain, temperature, storm, celsius, fahrenheit',
      0.75: 'forecast',
      0.5: 'wind',
    }),
  },
];

/** Every topic: the IPTC top levels first, then the analyst subtopics (subtopics.ts). */
export const TAXONOMY: readonly TopicDefinition[] = [...TOP_LEVELS, ...SUBTOPICS];
