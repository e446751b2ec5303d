import * as z from 'zod';

/** What the demo API sends for a contact. Every page validates responses with these (any Standard Schema works). */
export const Contact = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  phone: z.string(),
  version: z.number(),
});
export type Contact = z.infer<typeof Contact>;

export const ContactList = z.array(Contact);

/** One page of `GET /api/contacts/pages` (HAL). fetchwise reads `_links.next` from the raw body, so the schema need not list `_links`. */
export const ContactPage = z.object({
  _embedded: z.object({ contacts: ContactList }),
});
export type ContactPage = z.infer<typeof ContactPage>;

/**
 * What the edit form sends (PATCH body, POST body): the `variables` schema of the save mutations, so
 * `mutate(values)` is typed. It only checks types; the rules (required, email format) are the server's.
 */
export const ContactInput = Contact.pick({ name: true, email: true, phone: true });
export type ContactInput = z.infer<typeof ContactInput>;

export const inputOf = (contact: Contact): ContactInput => ({ name: contact.name, email: contact.email, phone: contact.phone });

/** The identity provider's token response (OAuth 2.0 shapes). */
export const TokenResponse = z.object({
  access_token: z.string(),
  refresh_token: z.string(),
  expires_in: z.number(),
});

/** The schemas queries use. */
export const queried = {
  contact: Contact,
  contacts: ContactList,
  contactPage: ContactPage,
};
