/**
 * Generated pages that push the content script (`npm run bench:page`): a 1 MB article, an article
 * of 50,000 text nodes, and a live blog that gains a paragraph every 100 ms. The prose names
 * countries, capitals and organizations from the starter pack (what the matcher knows) and
 * people nobody listed (what discovery must find). Seeded: the same pages every run.
 */
import pack from '../../lib/entities/pack/starter-pack.json';

export interface StressNames {
  countries: string[];
  capitals: string[];
  organizations: string[];
  /** Full names of people no knowledge base lists, "Given Family". */
  people: string[];
}

const GIVEN = ['Maria', 'Viktor', 'Amina', 'Kenji', 'Lucas', 'Farid', 'Ingrid', 'Tomasz', 'Leila', 'Samuel', 'Priya', 'Dmitri'];
const FAMILY = ['Delgado', 'Orlov', 'Haddad', 'Watanabe', 'Moreau', 'Rahimi', 'Lindqvist', 'Nowak', 'Karimi', 'Okafor'];

/** Names drawn from the starter pack, in the pack's order, and invented people. */
export function stressNames(): StressNames {
  const names = (test: (e: (typeof pack)[number]) => boolean) => pack.filter(test).map((e) => e.name);
  return {
    countries: names((e) => e.type === 'place' && e.tags.includes('country')).slice(0, 60),
    capitals: names((e) => e.type === 'place' && e.tags.includes('capital')).slice(0, 60),
    organizations: names((e) => e.type === 'organization' && !e.name.includes('’')),
    people: GIVEN.flatMap((g) => FAMILY.map((f) => `${g} ${f}`)),
  };
}

/** Mulberry32: a small seeded generator, so every run benches the same pages. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// News prose: {c} country, {k} capital, {o} organization, {p} person, {r} role.
const TEMPLATES = [
  '{r} {p} told reporters in {k} that talks with {c} would resume next week.',
  'Officials from {o} arrived in {k} on Tuesday for two days of meetings with the government.',
  'The delegation from {c} said it had received no reply to its proposal on grain shipments.',
  '{p}, who has led the negotiations since March, declined to say whether {o} would send observers.',
  'Analysts in {k} cautioned that progress remained slow and that the agreement could still collapse.',
  'A spokesperson for {o} said the organization was monitoring the situation closely.',
  'Trade between {c} and its neighbours has fallen by nearly a third over the past year.',
  '“We are not there yet,” {p} said after the meeting, adding that {c} wanted guarantees in writing.',
  'The talks were the first since the ceasefire, which {o} helped to broker in the spring.',
  'Diplomats said the final text would be presented to the foreign ministers of {c} at the end of the month.',
  'Protesters gathered outside the parliament in {k} on Sunday evening, according to local media.',
  'In a statement, the foreign ministry of {c} called the sanctions unlawful and promised a response.',
];
const ROLES = ['Foreign Minister', 'Defence Minister', 'Ambassador', 'Envoy', 'President', 'Senator'];

/** A paragraph-sized run of `count` news sentences. */
export function sentences(rnd: () => number, names: StressNames, count: number): string[] {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const fill: Record<string, () => string> = {
    c: () => pick(names.countries),
    k: () => pick(names.capitals),
    o: () => pick(names.organizations),
    p: () => pick(names.people),
    r: () => pick(ROLES),
  };
  return Array.from({ length: count }, () => pick(TEMPLATES).replace(/\{(\w)\}/g, (_, slot: string) => fill[slot]!()));
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A news page around `body` (already markup), declared an article the way real sites do. */
function newsPage(title: string, body: string, { csp, head = '' }: { csp: string; head?: string }): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta property="og:type" content="article">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"${title}","datePublished":"2025-06-01T08:00:00Z","author":{"@type":"Person","name":"Staff Reporter"}}</script>
${head}</head><body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<main><article><h1>${title}</h1><p class="byline">By Staff Reporter, June 1, 2025</p>
${body}
</article></main><footer>News of the World</footer></body></html>`;
}

/** A single article of at least `bytes` (UTF-8) of prose in paragraphs of four to eight sentences. */
export function bigArticle(bytes = 1_048_576, names = stressNames()): string {
  const rnd = seeded(1);
  const paragraphs: string[] = [];
  for (let size = 0; size < bytes;) {
    const text = sentences(rnd, names, 4 + Math.floor(rnd() * 5)).join(' ');
    paragraphs.push(`<p>${escape(text)}</p>`);
    size += Buffer.byteLength(text);
  }
  return newsPage('Talks in Geneva stretch into a second week', paragraphs.join('\n'), { csp: "script-src 'none'" });
}

/** Text nodes in the article besides the body's: the headline and the byline. */
const FRAME_TEXT_NODES = 2;

/**
 * An article of exactly `nodes` non-blank text nodes: short paragraphs of one sentence cut into
 * five runs by inline elements (`<a>`, `<em>`, `<span>`), as CMS markup and live tickers do.
 */
export function manyTextNodes(nodes = 50_000, names = stressNames()): string {
  const rnd = seeded(2);
  const paragraphs: string[] = [];
  let left = nodes - FRAME_TEXT_NODES;
  while (left > 0) {
    const words = sentences(rnd, names, 1)[0]!.split(' ');
    const runs = Math.min(5, left, words.length);
    const cut = Array.from({ length: runs }, (_, i) =>
      words.slice(Math.floor((i * words.length) / runs), Math.floor(((i + 1) * words.length) / runs)).join(' '),
    );
    const wrap = ['', '<a href="#n">', '', '<em>', '<span class="x">'];
    const close = ['', '</a>', '', '</em>', '</span>'];
    paragraphs.push(`<p>${cut.map((run, i) => `${wrap[i]}${escape(i === 0 ? run : ` ${run}`)}${close[i]}`).join('')}</p>`);
    left -= runs;
  }
  return newsPage('A long briefing in many small pieces', paragraphs.join(''), { csp: "script-src 'none'" });
}

/**
 * A live blog: twelve paragraphs, then the same-origin `live.js` appends `updates` more, one
 * every `everyMs` (the page's own script: its CSP allows scripts from its origin only).
 */
export function liveBlog(names = stressNames()): string {
  const rnd = seeded(3);
  const first = Array.from({ length: 12 }, () => `<p>${escape(sentences(rnd, names, 3).join(' '))}</p>`).join('\n');
  return newsPage('Live: the summit, as it happens', `<div id="live">${first}</div>`, {
    csp: "script-src 'self'",
    head: '<script src="live.js" defer></script>\n',
  });
}

/** The paragraphs the live blog gains, one per update. */
export function liveUpdates(count: number, names = stressNames()): string[] {
  const rnd = seeded(4);
  return Array.from({ length: count }, () => sentences(rnd, names, 2).join(' '));
}

/**
 * The live blog's script. It appends a paragraph and scrolls it into view, as a reader following
 * the blog would (highlights are registered near the viewport only on long pages). Besides, it watches `CSS.highlights` once a frame: every
 * frame whose `dramatis-*` sizes differ from the last is one highlight update; on each update it
 * notes which appended paragraphs gained their first highlight, and when. Results in
 * `window.__live` for the bench to read, with the time this watching itself took (`watchMs`).
 */
export function liveScript(updates: string[], everyMs = 100): string {
  return `'use strict';
(() => {
  const texts = ${JSON.stringify(updates)};
  const state = { appendedAt: [], highlightedAt: [], updates: 0, drops: 0, finishedAt: null, watchMs: 0 };
  window.__live = state;
  const blocks = [];
  const total = () => { let n = 0; for (const [name, h] of CSS.highlights) if (name.startsWith('dramatis-')) n += h.size; return n; };
  const signature = () => { const s = []; for (const [name, h] of CSS.highlights) if (name.startsWith('dramatis-')) s.push(name + ':' + h.size); return s.join(); };
  let last = signature();
  let lastTotal = total();
  function markHighlighted() {
    const started = performance.now();
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('dramatis-')) continue;
      for (const range of h) {
        const node = range.startContainer;
        const p = (node.nodeType === 1 ? node : node.parentElement)?.closest('p[data-update]');
        if (!p) continue;
        const i = Number(p.dataset.update);
        if (state.highlightedAt[i] === undefined) state.highlightedAt[i] = performance.now();
      }
    }
    state.watchMs += performance.now() - started;
  }
  function watch() {
    const now = signature();
    if (now !== last) {
      state.updates++;
      const t = total();
      if (t < lastTotal) state.drops++;
      lastTotal = t;
      last = now;
      markHighlighted();
    }
    requestAnimationFrame(watch);
  }
  requestAnimationFrame(watch);
  const live = document.getElementById('live');
  const timer = setInterval(() => {
    const i = blocks.length;
    const p = document.createElement('p');
    p.dataset.update = String(i);
    p.textContent = texts[i];
    live.append(p);
    // A reader following the live blog: the newest paragraph is kept in view.
    p.scrollIntoView({ block: 'end' });
    blocks.push(p);
    state.appendedAt.push(performance.now());
    if (blocks.length === texts.length) {
      clearInterval(timer);
      state.finishedAt = performance.now();
    }
  }, ${everyMs});
})();
`;
}
