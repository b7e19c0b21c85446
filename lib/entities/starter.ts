/**
 * The starter list: countries (with official names and demonyms), their capitals, and the
 * organizations, seas and corridors of the seed stories. Enough for a first full path; the
 * knowledge-base pack generated from data packages replaces it.
 */
import type { Entity } from './types';

// [canonical name, aliases (official names, short forms, demonyms), capital]
type CountryRow = readonly [string, readonly string[], string];

const COUNTRIES: readonly CountryRow[] = [
  ['Afghanistan', ['Afghan', 'Afghans'], 'Kabul'],
  ['Armenia', ['Armenian', 'Armenians'], 'Yerevan'],
  ['Australia', ['Australian', 'Australians'], 'Canberra'],
  ['Azerbaijan', ['Azerbaijani', 'Azerbaijanis'], 'Baku'],
  ['Bahrain', ['Bahraini'], 'Manama'],
  ['Belarus', ['Belarusian'], 'Minsk'],
  ['Brazil', ['Brazilian', 'Brazilians'], 'Brasília'],
  ['Canada', ['Canadian', 'Canadians'], 'Ottawa'],
  ['China', ["People's Republic of China", 'PRC', 'Chinese'], 'Beijing'],
  ['Egypt', ['Egyptian', 'Egyptians', 'Arab Republic of Egypt'], 'Cairo'],
  ['France', ['French', 'French Republic'], 'Paris'],
  ['Georgia', ['Georgian'], 'Tbilisi'],
  ['Germany', ['German', 'Germans', 'Federal Republic of Germany'], 'Berlin'],
  ['India', ['Indian', 'Indians', 'Republic of India'], 'New Delhi'],
  ['Indonesia', ['Indonesian', 'Indonesians'], 'Jakarta'],
  ['Iran', ['Islamic Republic of Iran', 'Iranian', 'Iranians', 'Persia'], 'Tehran'],
  ['Iraq', ['Iraqi', 'Iraqis', 'Republic of Iraq'], 'Baghdad'],
  ['Israel', ['Israeli', 'Israelis', 'State of Israel'], 'Jerusalem'],
  ['Italy', ['Italian', 'Italians', 'Italian Republic'], 'Rome'],
  ['Japan', ['Japanese'], 'Tokyo'],
  ['Jordan', ['Jordanian', 'Hashemite Kingdom of Jordan'], 'Amman'],
  ['Kazakhstan', ['Kazakh', 'Kazakhstani', 'Republic of Kazakhstan'], 'Astana'],
  ['Kuwait', ['Kuwaiti'], 'Kuwait City'],
  ['Lebanon', ['Lebanese'], 'Beirut'],
  ['Mexico', ['Mexican', 'Mexicans'], 'Mexico City'],
  ['North Korea', ["Democratic People's Republic of Korea", 'DPRK', 'North Korean'], 'Pyongyang'],
  ['Oman', ['Omani', 'Sultanate of Oman'], 'Muscat'],
  ['Pakistan', ['Pakistani', 'Pakistanis', 'Islamic Republic of Pakistan'], 'Islamabad'],
  ['Qatar', ['Qatari'], 'Doha'],
  ['Russia', ['Russian Federation', 'Russian', 'Russians'], 'Moscow'],
  ['Saudi Arabia', ['Kingdom of Saudi Arabia', 'Saudi', 'Saudis'], 'Riyadh'],
  ['South Africa', ['South African', 'Republic of South Africa'], 'Pretoria'],
  ['South Korea', ['Republic of Korea', 'South Korean'], 'Seoul'],
  ['Spain', ['Spanish', 'Kingdom of Spain'], 'Madrid'],
  ['Syria', ['Syrian', 'Syrians', 'Syrian Arab Republic'], 'Damascus'],
  ['Tajikistan', ['Tajik', 'Tajikistani'], 'Dushanbe'],
  ['Turkey', ['Türkiye', 'Turkish', 'Republic of Türkiye'], 'Ankara'],
  ['Turkmenistan', ['Turkmen'], 'Ashgabat'],
  ['Ukraine', ['Ukrainian', 'Ukrainians'], 'Kyiv'],
  ['United Arab Emirates', ['UAE', 'Emirati'], 'Abu Dhabi'],
  ['United Kingdom', ['UK', 'Britain', 'Great Britain', 'British'], 'London'],
  ['United States', ['United States of America', 'USA', 'US', 'U.S.', 'America', 'American', 'Americans'], 'Washington'],
  ['Uzbekistan', ['Uzbek', 'Uzbekistani'], 'Tashkent'],
  ['Venezuela', ['Venezuelan', 'Venezuelans'], 'Caracas'],
  ['Yemen', ['Yemeni', 'Yemenis'], "Sana'a"],
];

const ORGANIZATIONS: readonly Entity[] = [
  {
    id: 'org:iran-army',
    name: 'Islamic Republic of Iran Army',
    type: 'organization',
    aliases: ['Iranian Army', 'Artesh', 'Army of the Islamic Republic of Iran'],
  },
  {
    id: 'org:irgc',
    name: 'Islamic Revolutionary Guard Corps',
    type: 'organization',
    aliases: ['IRGC', 'Revolutionary Guards', 'Revolutionary Guard'],
  },
  { id: 'org:icrc', name: 'International Committee of the Red Cross', type: 'organization', aliases: ['ICRC'] },
  { id: 'org:nudt', name: 'National University of Defense Technology', type: 'organization', aliases: ['NUDT'] },
  { id: 'org:un', name: 'United Nations', type: 'organization', aliases: ['UN', 'U.N.'] },
  { id: 'org:nato', name: 'NATO', type: 'organization', aliases: ['North Atlantic Treaty Organization'] },
  { id: 'org:eu', name: 'European Union', type: 'organization', aliases: ['EU'] },
  {
    id: 'org:sco',
    name: 'Shanghai Cooperation Organisation',
    type: 'organization',
    aliases: ['Shanghai Cooperation Organization', 'SCO'],
  },
  { id: 'org:brics', name: 'BRICS', type: 'organization', aliases: [] },
  {
    id: 'event:xiangshan',
    name: 'Xiangshan Security Forum',
    type: 'event',
    aliases: ['Beijing Xiangshan Forum', 'Xiangshan Forum'],
  },
];

const PLACES: readonly Entity[] = [
  { id: 'place:caspian-sea', name: 'Caspian Sea', type: 'place', aliases: ['Caspian'] },
  { id: 'place:persian-gulf', name: 'Persian Gulf', type: 'place', aliases: [] },
  { id: 'place:gaza', name: 'Gaza', type: 'place', aliases: ['Gaza Strip'] },
  {
    id: 'place:instc',
    name: 'North-South Corridor',
    type: 'place',
    aliases: ['International North-South Transport Corridor', 'INSTC', 'North-South Transport Corridor'],
  },
];

function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
}

function countryEntities([name, aliases, capital]: CountryRow): Entity[] {
  return [
    { id: `country:${slug(name)}`, name, type: 'place', aliases: [...aliases] },
    { id: `city:${slug(capital)}`, name: capital, type: 'place', aliases: [], description: `Capital of ${name}` },
  ];
}

/** Every starter entity, with stable ids. */
export const STARTER_ENTITIES: readonly Entity[] = [...COUNTRIES.flatMap(countryEntities), ...ORGANIZATIONS, ...PLACES];
