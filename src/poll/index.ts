// The `fetchwise/poll` entry: 202 Accepted jobs.
export { poll } from './poll.js';
export { pollQueryOptions } from './poll-query-options.js';
export type {
  FetchwisePollQueryOptions,
  PollCall,
  PollDone,
  PollOptions,
  PollPending,
  PollQueryOptionsCall,
  PollQueryRequestOptions,
  PollSnapshot,
} from './types.js';
