import { describe, expect, it } from 'vitest';
import { parseLinkHeader } from '../../src/index.js';

describe('R-LINK-NEXT: RFC 8288 Link header parsing', () => {
  it('R-LINK-NEXT: reads several links, resolving targets against the base (GitHub-style pagination)', () => {
    const header = '<https://api.example.com/repos?page=3&per_page=100>; rel="next", <https://api.example.com/repos?page=50&per_page=100>; rel="last"';
    expect(parseLinkHeader(header)).toEqual([
      { href: 'https://api.example.com/repos?page=3&per_page=100', rel: ['next'], params: { rel: 'next' } },
      { href: 'https://api.example.com/repos?page=50&per_page=100', rel: ['last'], params: { rel: 'last' } },
    ]);
    expect(parseLinkHeader('</items?cursor=abc>; rel=next', 'https://api.example.com/v1/items')[0]?.href).toBe('https://api.example.com/items?cursor=abc');
    expect(parseLinkHeader('<?page=2>; rel=next', 'https://api.example.com/v1/items?page=1')[0]?.href).toBe('https://api.example.com/v1/items?page=2');
  });

  it('R-LINK-NEXT: commas and semicolons inside quoted strings and <…> do not split links', () => {
    const header = '</a;b,c>; title="Page 2, sorted; by date"; rel="next", </z>; rel="prev"';
    const links = parseLinkHeader(header, 'https://x.test/');
    expect(links.map((link) => [link.href, link.rel, link.params.title])).toEqual([
      ['https://x.test/a;b,c', ['next'], 'Page 2, sorted; by date'],
      ['https://x.test/z', ['prev'], undefined],
    ]);
  });

  it('R-LINK-NEXT: several relation types in one rel, case-insensitive; URI relation types keep their case', () => {
    const [link] = parseLinkHeader('<https://x.test/2>; REL="Next  Last https://example.com/Rel/Page"');
    expect(link?.rel).toEqual(['next', 'last', 'https://example.com/Rel/Page']);
  });

  it('R-LINK-NEXT: escapes in quoted strings, valueless parameters, first occurrence wins, RFC 8187 title*', () => {
    const [link] = parseLinkHeader(`<https://x.test/2>;rel="next";title="a \\"quoted\\" word";crossorigin;rel=ignored;title*=UTF-8'en'%E2%82%AC%20rates`);
    expect(link?.rel).toEqual(['next']);
    expect(link?.params).toEqual({ rel: 'next', title: 'a "quoted" word', crossorigin: '', 'title*': '€ rates' });
  });

  it('R-LINK-NEXT: skips malformed links and tolerates empty elements and whitespace', () => {
    expect(parseLinkHeader('garbage; rel="next", , <https://x.test/ok> ;  rel = "next" ')).toEqual([
      { href: 'https://x.test/ok', rel: ['next'], params: { rel: 'next' } },
    ]);
    expect(parseLinkHeader('')).toEqual([]);
    expect(parseLinkHeader(null)).toEqual([]);
    expect(parseLinkHeader('<https://x.test/unterminated; rel=next')).toEqual([]);
  });
});
