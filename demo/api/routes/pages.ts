import { Hono } from 'hono';
import { problem } from '../http.ts';
import type { DemoState } from '../state.ts';

const defaultSize = 3;
const maxSize = 50;

/**
 * The contacts list, a page at a time, as HAL (`application/hal+json`):
 * `GET /contacts/pages?page=1&size=3` → `{ _links: { self, next? }, _embedded: { contacts: [...] } }`.
 * The last page has no `next` link. Same order as `GET /contacts` (by name).
 */
export function pageRoutes(state: DemoState): Hono {
  const app = new Hono();

  app.get('/pages', (c) => {
    const page = Number(c.req.query('page') ?? 1);
    const size = Number(c.req.query('size') ?? defaultSize);
    if (!Number.isInteger(page) || page < 1 || !Number.isInteger(size) || size < 1 || size > maxSize) {
      return problem(400, 'Bad Request', `page must be 1 or more, size 1 to ${maxSize}`);
    }
    const all = [...state.contacts.values()].sort((a, b) => a.name.localeCompare(b.name));
    const contacts = all.slice((page - 1) * size, page * size).map((contact) => ({
      id: contact.id,
      name: contact.name,
      email: contact.email,
      phone: contact.phone,
      version: contact.version,
      _links: { self: { href: `/api/contacts/${contact.id}` } },
    }));
    const href = (n: number) => `/api/contacts/pages?page=${n}&size=${size}`;
    const links = {
      self: { href: href(page) },
      ...(page > 1 ? { prev: { href: href(page - 1) } } : {}),
      ...(page * size < all.length ? { next: { href: href(page + 1) } } : {}),
    };
    return new Response(JSON.stringify({ _links: links, _embedded: { contacts }, page, size, total: all.length }), {
      status: 200,
      headers: { 'content-type': 'application/hal+json', 'cache-control': 'no-store' },
    });
  });

  return app;
}
