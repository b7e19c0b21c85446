import { expect, test } from 'vitest';
import { isRequest, LIMITS } from '../../../lib/messaging/protocol';

const meta = { title: 'T', byline: null, publishedAt: null, siteName: 'S', canonicalUrl: null, language: 'en' };
const article = { url: 'https://x.test/a', title: 'T', isArticle: true, score: 3, forced: false, meta, blocks: ['Iran'] };

test.each([
  ['a well-formed article', { name: 'bg:article', data: article }, true],
  ['a not-article report', { name: 'bg:not-article', data: { url: 'u', title: 't', isArticle: false, score: -1 } }, true],
  ['a tab query', { name: 'bg:get-tab', data: { tabId: 4 } }, true],
  ['an unknown name', { name: 'bg:drop-all', data: {} }, false],
  ['no data', { name: 'bg:get-tab' }, false],
  ['a negative tab id', { name: 'bg:get-tab', data: { tabId: -1 } }, false],
  ['a fractional tab id', { name: 'bg:get-tab', data: { tabId: 1.5 } }, false],
  ['blocks that are not strings', { name: 'bg:article', data: { ...article, blocks: [1] } }, false],
  ['too many blocks', { name: 'bg:article', data: { ...article, blocks: Array(LIMITS.blocks + 1).fill('a') } }, false],
  ['a huge block', { name: 'bg:article', data: { ...article, blocks: ['a'.repeat(LIMITS.blockChars + 1)] } }, false],
  ['a huge title', { name: 'bg:article', data: { ...article, title: 'a'.repeat(LIMITS.field + 1) } }, false],
  ['meta missing a field', { name: 'bg:article', data: { ...article, meta: { title: 'T' } } }, false],
  ['meta with og:url', { name: 'bg:article', data: { ...article, meta: { ...meta, ogUrl: 'https://x.test/a' } } }, true],
  ['meta with an og:url that is not a string', { name: 'bg:article', data: { ...article, meta: { ...meta, ogUrl: 4 } } }, false],
  ['a score that is not a number', { name: 'bg:article', data: { ...article, score: 'high' } }, false],
  ['a promotion', { name: 'bg:entity-promote', data: { id: 'discovered:x', name: 'X', type: 'person' } }, true],
  ['a promotion to an unknown type', { name: 'bg:entity-promote', data: { id: 'd', name: 'X', type: 'robot' } }, false],
  ['a rejection', { name: 'bg:entity-reject', data: { id: 'discovered:x', name: 'X' } }, true],
  ['a rejection of a blank name', { name: 'bg:entity-reject', data: { id: 'discovered:x', name: '  ' } }, false],
  ['a re-analysis', { name: 'bg:reanalyze', data: { tabId: 3 } }, true],
  [
    'reader topics',
    { name: 'bg:topics-save', data: { topics: [{ id: 't', label: 'Drones', keywords: ['drone', 'UAV'] }] } },
    true,
  ],
  [
    'a reader topic without keywords',
    { name: 'bg:topics-save', data: { topics: [{ id: 't', label: 'Drones', keywords: [] }] } },
    false,
  ],
  [
    'a reader topic with a huge label',
    { name: 'bg:topics-save', data: { topics: [{ id: 't', label: 'a'.repeat(81), keywords: ['x'] }] } },
    false,
  ],
  ['a string', 'bg:get-tab', false],
  ['null', null, false],
])('isRequest: %s', (_label, message, expected) => {
  expect(isRequest(message)).toBe(expected);
});
