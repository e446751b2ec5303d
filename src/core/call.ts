import type { RetryPolicy } from '../retry/policy.js';
import type { SendOptions } from './core.js';
import type { Attempt } from './plugin.js';

/** One call, prepared once: the attempt object plugins see, plus what the loop needs. */
export interface Call extends Attempt {
  number: number;
  replayed: boolean;
  readonly options: SendOptions;
  /** The Idempotency-Key option, generated once per call (`true`), for every attempt's headers. */
  readonly key: string | false | undefined;
  readonly policy: RetryPolicy;
  readonly idempotent: boolean;
  readonly timeout: number | false;
  /** The body can be sent once only (a stream): no retry, no replay. */
  readonly once: boolean;
}
