// The `fetchwise/batch` entry: 207 multipart/mixed batches.
export { batch } from './batch.js';
export type { BatchEntry, BatchFailure, BatchOptions, BatchSuccess } from './types.js';
