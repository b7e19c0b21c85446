// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { forbiddenContainer, misplacedHighlights } from '../../e2e/highlight-placement';

/** The text node inside `#t` of a page built from `body`. */
function textIn(body: string): Text {
  const doc = new DOMParser().parseFromString(`<body>${body}</body>`, 'text/html');
  const target = doc.getElementById('t');
  if (!target?.firstChild) throw new Error('fixture needs an element #t with text');
  return target.firstChild as Text;
}

describe('forbiddenContainer', () => {
  test.each([
    ['a form', '<form class="search box"><p id="t">Ankara</p></form><p>The talks in Ankara went on.</p>', 'form.search'],
    ['a button', '<button id="t">Ankara</button>', 'button#t'],
    ['a select option', '<select><option id="t">Ankara</option></select>', 'select'],
    ['a textarea', '<textarea id="t">Ankara</textarea>', 'textarea#t'],
    ['an editable area', '<div contenteditable=""><p id="t">Ankara</p></div>', 'div'],
    ['plaintext-only editing', '<div contenteditable="plaintext-only"><p id="t">Ankara</p></div>', 'div'],
    ['navigation', '<nav id="menu"><a id="t" href="/">Ankara</a></nav>', 'nav#menu'],
    ['a navigation role', '<div role="navigation"><span id="t">Ankara</span></div>', 'div'],
    ['a sidebar', '<aside><p id="t">Ankara</p></aside>', 'aside'],
    ['a complementary role', '<div role="complementary"><p id="t">Ankara</p></div>', 'div'],
    ['the site header', '<header class="masthead"><p id="t">Ankara Times</p></header><main><p>x</p></main>', 'header.masthead'],
    ['the site footer', '<main><p>x</p></main><footer><p id="t">Ankara</p></footer>', 'footer'],
    ['a banner role', '<div role="banner"><p id="t">Ankara</p></div>', 'div'],
    ['a contentinfo role', '<div role="contentinfo"><p id="t">Ankara</p></div>', 'div'],
    ['a site footer holding an article-like box', '<footer><section><p id="t">Ankara</p></section></footer>', 'footer'],
    ['code', '<p>Run <code id="t">Ankara</code></p>', 'code#t'],
    ['pre', '<pre id="t">Ankara</pre>', 'pre#t'],
    ['style', '<style id="t">.Ankara {}</style>', 'style#t'],
    ['noscript', '<noscript><p id="t">Ankara</p></noscript>', 'noscript'],
  ])('refuses text inside %s', (_, body, container) => {
    expect(forbiddenContainer(textIn(body))).toBe(container);
  });

  test.each([
    ['an article paragraph', '<article><p id="t">Ankara</p></article>'],
    ["the article's own header", '<article><header><h1 id="t">Ankara talks</h1></header><p>x</p></article>'],
    ["the article's own footer", '<article><p>x</p><footer><p id="t">Reporting by Ankara desk</p></footer></article>'],
    ['a header inside main', '<main><header><h1 id="t">Ankara</h1></header></main>'],
    ['a header inside role=main', '<div role="main"><header><h1 id="t">Ankara</h1></header></div>'],
    ['editing switched off', '<div contenteditable="false"><p id="t">Ankara</p></div>'],
    ['editing switched off in capitals', '<div contenteditable="FALSE"><p id="t">Ankara</p></div>'],
    ['a plain div page', '<div class="content"><p id="t">Ankara</p></div>'],
  ])('accepts text in %s', (_, body) => {
    expect(forbiddenContainer(textIn(body))).toBeNull();
  });

  test("ASP.NET's page-wide form is layout, but what sits in it is still judged", () => {
    const prose = `<p>${'The council voted on Tuesday to fund the new park beside the river, after a debate. '.repeat(2)}</p>`;
    expect(
      forbiddenContainer(textIn(`<form id="aspnetForm"><main>${prose.repeat(3)}<p id="t">Bluffton</p></main></form>`)),
    ).toBeNull();
    expect(forbiddenContainer(textIn(`<form id="aspnetForm"><nav><a id="t">Ankara</a></nav>${prose.repeat(3)}</form>`))).toBe(
      'nav',
    );
    expect(
      forbiddenContainer(textIn(`<form class="comment">${prose.repeat(2)}<p id="t">Ankara</p></form>${prose.repeat(3)}`)),
    ).toBe('form.comment');
    // wcxb/pages/5269: an event page whose content (two paragraphs) is all inside the page's form.
    const event = `<nav><a>Home</a></nav><main><form id="aspnetForm">${prose.repeat(2)}<p id="t">Farmers Market of Bluffton</p></form></main>`;
    expect(forbiddenContainer(textIn(event))).toBeNull();
  });

  test('an article header inside a site header is still site chrome', () => {
    // The nearest header is the article's own, but the article itself sits in the site header.
    const text = textIn('<header id="site"><article><header><h2 id="t">Ankara</h2></header></article></header>');
    expect(forbiddenContainer(text)).toBe('header#site');
    const nested = textIn('<header id="site"><div><header><h2 id="t">Ankara</h2></header></div></header>');
    expect(forbiddenContainer(nested)).toBe('header');
  });
});

describe('misplacedHighlights', () => {
  test('reports ranges starting or ending in a forbidden container, with their text and path', () => {
    const doc = new DOMParser().parseFromString(
      '<body><nav><a href="/">World</a></nav><article><p>Ankara and <code>Baku</code></p></article></body>',
      'text/html',
    );
    const inNav = doc.createRange();
    inNav.selectNodeContents(doc.querySelector('nav a')!.firstChild!);
    const inArticle = doc.createRange();
    const prose = doc.querySelector('p')!.firstChild as Text;
    inArticle.setStart(prose, 0);
    inArticle.setEnd(prose, 6);
    // Spelled out: happy-dom collapses a Range whose end lies in another node.
    const code = doc.querySelector('code')!.firstChild!;
    const intoCode = { startContainer: prose, startOffset: 7, endContainer: code, endOffset: 4, toString: () => 'and Baku' };
    const registry = new Map([
      ['dramatis-place', new Set([inNav, inArticle])],
      ['dramatis-place-discovered', new Set([intoCode as unknown as Range])],
    ]);
    expect(misplacedHighlights(forbiddenContainer, registry)).toEqual([
      { name: 'dramatis-place', text: 'World', container: 'nav', path: 'html > body > nav > a' },
      { name: 'dramatis-place-discovered', text: 'and Baku', container: 'code', path: 'html > body > article > p' },
    ]);
  });
});
