// Generates lib/entities/pack/starter-pack.json: countries (names in many scripts, official names,
// short forms, demonyms) and their capitals from the `world-countries` and `i18n-iso-countries`
// packages, plus the curated organizations, forces, seas and regions of curated-entities.ts.
// Run with `npm run build:pack`; a unit test fails when the committed pack is out of date.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { CURATED_ENTITIES } from './curated-entities';
import type { PackEntity } from '../../lib/entities/pack';

const require = createRequire(import.meta.url);

interface WorldCountry {
  name: { common: string; official: string; native?: Record<string, { official: string; common: string }> };
  cca2: string;
  capital?: string[];
  altSpellings: string[];
  subregion?: string;
  region: string;
  translations: Record<string, { official: string; common: string }>;
  demonyms?: { eng?: { f: string; m: string } };
}

/** world-countries translations kept: the scripts of the regions the product is read about. */
const TRANSLATIONS = ['ara', 'per', 'urd', 'rus', 'zho', 'jpn', 'kor', 'tur', 'fra', 'deu', 'spa', 'ita', 'por'];
/** i18n-iso-countries locales added on top (more scripts, more common short forms). */
const LOCALES = ['en', 'ar', 'fa', 'ru', 'uk', 'zh', 'ja', 'ko', 'he', 'hi', 'th', 'el', 'tr', 'de', 'fr', 'es'];
/** Upper-case country short forms really used in running text; other codes ("IR") are not names. */
const SHORT_FORMS = new Set(['US', 'USA', 'UK', 'UAE', 'PRC', 'DPRK', 'ROK', 'DRC', 'KSA', 'ROC']);

function keepAlias(alias: string): boolean {
  if (alias.includes(',')) return false; // "Iran, Islamic Republic of": catalogue order, not prose
  if (/^[A-Z]{2,4}$/.test(alias)) return SHORT_FORMS.has(alias);
  return alias.trim().length > 1;
}

function demonyms(country: WorldCountry): string[] {
  const eng = country.demonyms?.eng;
  if (!eng) return [];
  const forms = new Set([eng.m, eng.f]);
  for (const d of [...forms]) if (/(?:an|i)$/.test(d)) forms.add(`${d}s`); // Iranians, Pakistanis
  return [...forms];
}

function i18nNames(cca2: string): string[] {
  const countries = require('i18n-iso-countries') as {
    getName(code: string, lang: string, o?: { select: string }): string | string[] | undefined;
    registerLocale(l: unknown): void;
  };
  const names: string[] = [];
  for (const locale of LOCALES) {
    countries.registerLocale(require(`i18n-iso-countries/langs/${locale}.json`));
    const value = countries.getName(cca2, locale, { select: 'all' });
    if (value) names.push(...(Array.isArray(value) ? value : [value]));
  }
  return names;
}

function dedupe(name: string, aliases: string[], keep: (alias: string) => boolean = () => true): string[] {
  const seen = new Set([name.toLowerCase()]);
  return aliases
    .map((a) => a.trim())
    .filter((a) => {
      const key = a.toLowerCase();
      if (seen.has(key) || !keep(a)) return false;
      seen.add(key);
      return true;
    });
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function countryEntities(c: WorldCountry): PackEntity[] {
  const name = c.name.common;
  const aliases = dedupe(
    name,
    [
      c.name.official,
      ...c.altSpellings,
      ...Object.values(c.name.native ?? {}).flatMap((n) => [n.common, n.official]),
      ...TRANSLATIONS.flatMap((t) => (c.translations[t] ? [c.translations[t].common, c.translations[t].official] : [])),
      ...i18nNames(c.cca2),
      ...demonyms(c),
    ],
    keepAlias,
  );
  const capital = c.capital?.[0];
  const where = c.subregion || c.region;
  const country: PackEntity = {
    id: `country:${c.cca2.toLowerCase()}`,
    name,
    type: 'place',
    aliases,
    description: capital ? `Country in ${where}; capital ${capital}.` : `Territory in ${where}.`,
    country: c.cca2,
    tags: ['country'],
    ref: 'world-countries',
  };
  if (!capital) return [country];
  const city: PackEntity = {
    id: `city:${c.cca2.toLowerCase()}-${slug(capital)}`,
    name: capital,
    type: 'place',
    aliases: [],
    description: `Capital of ${name}.`,
    country: c.cca2,
    tags: ['capital'],
    ref: 'world-countries',
  };
  return [country, city];
}

function curatedEntities(): PackEntity[] {
  return CURATED_ENTITIES.map(({ source, ...e }) => ({ ...e, aliases: dedupe(e.name, e.aliases), ref: `wikipedia:${source}` }));
}

/** The whole pack, sorted by id so the generated file diffs cleanly. */
export function buildPack(): PackEntity[] {
  const world = require('world-countries') as WorldCountry[];
  const all = [...world.flatMap(countryEntities), ...curatedEntities()];
  return all.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export const PACK_PATH = new URL('../../lib/entities/pack/starter-pack.json', import.meta.url);

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const pack = buildPack();
  writeFileSync(PACK_PATH, `${JSON.stringify(pack, null, 1)}\n`);
  console.log(`Wrote ${pack.length} entities, ${pack.reduce((n, e) => n + e.aliases.length + 1, 0)} names.`);
}
