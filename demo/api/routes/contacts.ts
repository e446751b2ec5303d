import { Hono } from 'hono';
import { errorResponse, problem } from '../http.ts';
import { addContact, type Contact, type DemoState } from '../state.ts';
import { contactFields, validateContact, validationResponse } from '../validation.ts';

const etagOf = (contact: Contact) => `"c${contact.id}-v${contact.version}"`;
const listEtag = (state: DemoState) => `"contacts-r${state.revision}"`;
const body = (contact: Contact) => ({ id: contact.id, name: contact.name, email: contact.email, phone: contact.phone, version: contact.version });
const readJson = async (request: Request): Promise<Record<string, unknown>> => {
  const value: unknown = await request.json().catch(() => ({}));
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
};

/** `If-None-Match: "a", "b"` or `*`. */
function matches(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.trim() === '*' || header.split(',').some((candidate) => candidate.trim() === etag);
}

/**
 * Contacts, the way seed 003 describes a REST API: strong ETags and 304 on reads, If-Match required on
 * writes (428 without, 412 when stale), 201 + Location with no body on create, 404 for a DELETE of a
 * contact that is gone.
 */
export function contactRoutes(state: DemoState): Hono {
  const app = new Hono();
  const cacheHeaders = (etag: string) => ({ etag, 'cache-control': 'private, no-cache' });

  app.get('/', (c) => {
    const etag = listEtag(state);
    if (matches(c.req.header('if-none-match'), etag)) return c.body(null, 304, cacheHeaders(etag));
    const list = [...state.contacts.values()].sort((a, b) => a.name.localeCompare(b.name)).map(body);
    return c.json(list, 200, cacheHeaders(etag));
  });

  app.get('/:id', (c) => {
    const contact = state.contacts.get(c.req.param('id'));
    if (!contact) return problem(404, 'Contact not found', `There is no contact ${c.req.param('id')}`);
    const etag = etagOf(contact);
    if (matches(c.req.header('if-none-match'), etag)) return c.body(null, 304, cacheHeaders(etag));
    return c.json(body(contact), 200, cacheHeaders(etag));
  });

  app.post('/', async (c) => {
    const input = await readJson(c.req.raw);
    const broken = validateContact(input);
    if (broken.length > 0) return errorResponse(validationResponse(state.settings.validationDialect, broken, c.req.path));
    const contact = addContact(state, contactFields(input));
    return c.body(null, 201, { location: `/api/contacts/${contact.id}` });
  });

  app.patch('/:id', async (c) => {
    const contact = state.contacts.get(c.req.param('id'));
    if (!contact) return problem(404, 'Contact not found', `There is no contact ${c.req.param('id')}`);
    const ifMatch = c.req.header('if-match');
    if (ifMatch === undefined) return problem(428, 'Precondition Required', 'Send If-Match with the ETag you last read');
    if (!matches(ifMatch, etagOf(contact))) {
      return problem(412, 'Precondition Failed', `Someone else changed this contact (now version ${contact.version})`, { etag: etagOf(contact) });
    }
    const merged = { ...body(contact), ...(await readJson(c.req.raw)) };
    const broken = validateContact(merged);
    if (broken.length > 0) return errorResponse(validationResponse(state.settings.validationDialect, broken, c.req.path));
    Object.assign(contact, contactFields(merged), { version: contact.version + 1 });
    state.revision++;
    // "Malformed responses": the change is saved, but the answer breaks the app's schema.
    const answer = state.settings.malformedWrites ? { ...body(contact), email: 42 } : body(contact);
    return c.json(answer, 200, cacheHeaders(etagOf(contact)));
  });

  app.delete('/:id', (c) => {
    const contact = state.contacts.get(c.req.param('id'));
    if (!contact) return problem(404, 'Contact not found', `Contact ${c.req.param('id')} was already deleted`);
    const ifMatch = c.req.header('if-match');
    if (ifMatch !== undefined && !matches(ifMatch, etagOf(contact))) {
      return problem(412, 'Precondition Failed', `Someone else changed this contact (now version ${contact.version})`, { etag: etagOf(contact) });
    }
    state.contacts.delete(contact.id);
    state.revision++;
    return c.body(null, 204);
  });

  return app;
}
