import { Hono } from 'hono';

/** The demo API: contacts with ETags, 201 + Location, problem+json 422s. Grows with the demo issue. */
export interface Contact {
  id: string;
  name: string;
  email: string;
  version: number;
}

export function createDemoApi(): Hono {
  const contacts = new Map<string, Contact>();
  let nextId = 1;
  const add = (name: string, email: string) => {
    const contact = { id: String(nextId++), name, email, version: 1 };
    contacts.set(contact.id, contact);
    return contact;
  };
  add('Ada Lovelace', 'ada@example.com');
  add('Grace Hopper', 'grace@example.com');

  const app = new Hono().basePath('/api');
  const etag = (contact: Contact) => `"${contact.id}-${contact.version}"`;

  app.get('/contacts', (c) => c.json([...contacts.values()]));
  app.get('/contacts/:id', (c) => {
    const contact = contacts.get(c.req.param('id'));
    if (!contact) return problem(c.req.path, 404, 'Contact not found');
    if (c.req.header('if-none-match') === etag(contact)) return c.body(null, 304, { etag: etag(contact) });
    return c.json(contact, 200, { etag: etag(contact) });
  });
  app.post('/contacts', async (c) => {
    const input = (await c.req.json().catch(() => ({}))) as Partial<Contact>;
    const errors = validate(input);
    if (errors.length > 0) {
      return c.json(
        { type: 'https://example.com/problems/validation', title: 'Your request is not valid', status: 422, errors },
        422,
        { 'content-type': 'application/problem+json' },
      );
    }
    const contact = add(String(input.name), String(input.email));
    return c.body(null, 201, { location: `/api/contacts/${contact.id}` });
  });
  app.delete('/contacts/:id', (c) => {
    if (!contacts.delete(c.req.param('id'))) return problem(c.req.path, 404, 'Contact not found');
    return c.body(null, 204);
  });
  return app;
}

function validate(input: Partial<Contact>): { detail: string; pointer: string }[] {
  const errors: { detail: string; pointer: string }[] = [];
  if (typeof input.name !== 'string' || input.name.trim() === '') errors.push({ detail: 'Name is required', pointer: '#/name' });
  if (typeof input.email !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(input.email)) {
    errors.push({ detail: 'Email must look like name@example.com', pointer: '#/email' });
  }
  return errors;
}

function problem(instance: string, status: 404, title: string): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title, status, instance }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });
}
