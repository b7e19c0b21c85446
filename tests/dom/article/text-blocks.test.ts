// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { collectTextBlocks, findArticleRoot } from '../../../lib/article';

const para = (n: number): string =>
  `<p>Paragraph ${n} of the report explains what the ministers agreed, why the talks stalled twice, and what the delegations will do next week.</p>`;
const body = [1, 2, 3, 4, 5].map(para).join('');

function blocksOf(inner: string): string[] {
  const doc = new DOMParser().parseFromString(`<body><article id="root">${inner}</article></body>`, 'text/html');
  return collectTextBlocks(doc.getElementById('root')!).map((b) => b.text);
}

describe('collectTextBlocks exclusions', () => {
  test.each([
    ['nav', '<nav><a href="/a">LEAK nav link</a></nav>'],
    ['aside', '<aside><p>LEAK sidebar paragraph</p></aside>'],
    ['comments section', '<section class="comments"><p>LEAK a comment</p></section>'],
    ['form and its fields', '<form><label>LEAK label</label><textarea>LEAK textarea</textarea></form>'],
    ['contenteditable', '<div contenteditable="true"><p>LEAK editable</p></div>'],
    [
      'figure credit',
      '<figure><img src="a.jpg"><figcaption>Caption text <span class="credit">LEAK Photo: Agency</span></figcaption></figure>',
    ],
    ['related links box', '<div class="related-articles"><p>LEAK related story</p></div>'],
    ['read more list', '<ul><li><a href="/x">LEAK read more story one</a></li></ul>'],
    ['share bar', '<div class="share-buttons"><span>LEAK Share this</span></div>'],
    ['newsletter box', '<div class="newsletter"><p>LEAK Sign up</p></div>'],
    ['script, style, noscript', '<script>var LEAK=1</script><style>.LEAK{}</style><noscript>LEAK</noscript>'],
    ['code and pre', '<pre>LEAK pre</pre><p>Use <code>LEAK()</code> here</p>'],
    ['template and svg', '<template><p>LEAK</p></template><svg><text>LEAK</text></svg>'],
    ['button and select', '<button>LEAK</button><select><option>LEAK</option></select>'],
    ['hidden attribute', '<p hidden>LEAK hidden</p>'],
    ['aria-hidden', '<div aria-hidden="true">LEAK aria</div>'],
    ['inline display:none', '<div style="display: none">LEAK none</div>'],
  ])('leaves out %s', (_kind, markup) => {
    const texts = blocksOf(body + markup);
    expect(texts.join(' ')).not.toContain('LEAK');
    expect(texts.filter((t) => t.startsWith('Paragraph'))).toHaveLength(5);
  });

  test.each([
    ['paragraphs', '<p>Alpha text.</p><p>Beta text.</p>', ['Alpha text.', 'Beta text.']],
    ['headings and list items', '<h2>Sub head</h2><ul><li>Item one</li></ul>', ['Sub head', 'Item one']],
    [
      'blockquote with nested paragraph, not double counted',
      '<blockquote>Said: <p>quoted words</p></blockquote>',
      ['Said: ', 'quoted words'],
    ],
    ['inline markup inside one block', '<p>One <b>bold</b> word</p>', ['One bold word']],
  ])('keeps %s', (_kind, markup, expected) => {
    expect(blocksOf(markup)).toEqual(expected);
  });
});

describe('block offsets', () => {
  test('text is the exact concatenation of the nodes, and starts index into it', () => {
    const doc = new DOMParser().parseFromString(
      `<body><article id="root"><p>Iran <a href="/r">and <em>Russia</em></a> met in <b>Beijing</b>.</p>${body}</article></body>`,
      'text/html',
    );
    const blocks = collectTextBlocks(doc.getElementById('root')!);
    for (const block of blocks) {
      expect(block.text).toBe(block.nodes.map((n) => n.data).join(''));
      block.nodes.forEach((node, i) => {
        expect(block.text.slice(block.starts[i], block.starts[i]! + node.data.length)).toBe(node.data);
      });
    }
    const first = blocks[0]!;
    const at = first.text.indexOf('Russia');
    const i = first.starts.findLastIndex((s) => s <= at);
    expect(first.nodes[i]!.data.slice(at - first.starts[i]!)).toBe('Russia');
  });

  test('includes the h1 headline just above the root as block 0', () => {
    const doc = new DOMParser().parseFromString(
      `<body><article class="story"><header><h1>The headline</h1><nav><a href="/">Home</a></nav></header><div class="body" id="root">${body}</div></article></body>`,
      'text/html',
    );
    const root = findArticleRoot(doc)!;
    expect(root.id).toBe('root');
    const blocks = collectTextBlocks(root);
    expect(blocks[0]!.text).toBe('The headline');
    expect(blocks).toHaveLength(6);
  });

  // readability/pages/001: the blog's name is the page's only h1, in the site header beside <main>.
  test.each([
    [
      'a site header beside main',
      '<header class="site"><h1>Hi, I am Nicolas.</h1></header><main><article id="root">BODY</article></main>',
    ],
    ['a banner landmark', '<div role="banner"><h1>Hi, I am Nicolas.</h1></div><div><div id="root">BODY</div></div>'],
    [
      'a header of a story without article or main',
      '<div class="story"><header><h1>Hi, I am Nicolas.</h1></header><div id="root">BODY</div></div>',
    ],
  ])("never takes the site's own title as the headline: the h1 in %s", (_, page) => {
    const doc = new DOMParser().parseFromString(`<body>${page.replace('BODY', body)}</body>`, 'text/html');
    const blocks = collectTextBlocks(doc.getElementById('root')!);
    expect(blocks.map((b) => b.text).join(' ')).not.toContain('Nicolas');
    expect(blocks).toHaveLength(5);
  });

  test('a wrapper with a boilerplate-looking class that holds the article is not dropped', () => {
    const doc = new DOMParser().parseFromString(
      `<body><div class="layout has-sidebar"><div class="newsletter-post">${body}</div><div class="sidebar"><p>LEAK</p></div></div></body>`,
      'text/html',
    );
    const root = findArticleRoot(doc)!;
    const text = collectTextBlocks(root)
      .map((b) => b.text)
      .join(' ');
    expect(text).toContain('Paragraph 5');
    expect(text).not.toContain('LEAK');
  });
});
