import type { Dialect } from './types.js';
import { structural } from './normalise.js';

/**
 * What reads an error body when you pass no dialects: the structural normaliser alone (your own dialects go
 * before it). The named dialects of 0.1 are opt-in extras, exported from `fetchwise/dialects`.
 */
export const defaultDialects: readonly Dialect[] = [structural];
