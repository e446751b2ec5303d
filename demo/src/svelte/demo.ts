import { QueryClient } from '@tanstack/svelte-query';
import { createDemoClient, sessionStatus } from '../shared/client.ts';

/** The same fetchwise client as the React page, over svelte-query's QueryClient. */
export const queryClient = new QueryClient();
export const api = createDemoClient(queryClient);
export const session = sessionStatus(api);
