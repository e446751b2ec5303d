/** The hash routes every page understands: `#/` (contacts), `#/contacts/3`, `#/new`; `#/pages` (React only). */
export type Route = { page: 'contacts' } | { page: 'contact'; id: string } | { page: 'new' } | { page: 'pages' };

export function parseRoute(hash: string): Route {
  const contact = /^#\/contacts\/([\w-]+)$/.exec(hash);
  if (contact?.[1]) return { page: 'contact', id: contact[1] };
  if (hash === '#/new') return { page: 'new' };
  if (hash === '#/pages') return { page: 'pages' };
  return { page: 'contacts' };
}

export const contactHref = (id: string): string => `#/contacts/${id}`;

/** The same contact on the other framework pages. */
export const pageLinks = (route: Route) => {
  const hash = route.page === 'contact' ? contactHref(route.id) : '';
  return [
    { framework: 'React', href: `/${hash}` },
    { framework: 'Vue', href: `/vue.html${hash}` },
    { framework: 'Svelte', href: `/svelte.html${hash}` },
  ];
};
