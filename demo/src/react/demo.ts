import { QueryClient } from '@tanstack/react-query';
import { batch } from '../../../src/batch/index.ts';
import { halPages } from '../../../src/hal/index.ts';
import { createDemoClient, identity, sessionStatus } from '../shared/client.ts';
import { tabSignals } from '../shared/control.ts';
import { createNetworkLog } from '../shared/network-log.ts';
import { queried } from '../shared/schemas.ts';

/** The React page's singletons: its QueryClient, the fetchwise client, and the network panel's log. */
export const queryClient = new QueryClient();
export const api = createDemoClient(queryClient);
export const network = createNetworkLog(api, identity);
export const session = sessionStatus(api);

export const contactsQuery = () => api.queryOptions('/contacts', { schema: queried.contacts });
export const contactQuery = (id: string) => api.queryOptions(`/contacts/${id}`, { schema: queried.contact });
/** The contacts two at a time, paged through HAL `_links.next` (`halPages()`; the "Pages" view). */
export const contactPagesQuery = () =>
  api.infiniteQueryOptions('/contacts/pages', { schema: queried.contactPage, searchParams: { size: 2 }, pages: halPages() });
/** Several contacts in one request: `207 Multi-Status`, one entry per id (the "Batch" card). */
export const contactsBatch = (ids: readonly string[], signal?: AbortSignal) =>
  batch(api, `/contacts/batch/${ids.map(encodeURIComponent).join(',')}`, { schema: queried.contact, ...(signal ? { signal } : {}) });

/** Refetches what this tab shows (queries made by fetchwise), e.g. after a panel button changed the API's behaviour. */
export const refetchShown = () =>
  queryClient.refetchQueries({ type: 'active', predicate: (query) => query.meta?.['fetchwise'] !== undefined });

export const signals = tabSignals((signal) => {
  if (signal.type === 'refetch') void refetchShown();
  else void queryClient.invalidateQueries({ queryKey: ['demo-control'] });
});
