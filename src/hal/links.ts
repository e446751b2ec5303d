import type { EmbeddedItem, EmbeddedRel, HalLink, HalResource, LinkRel } from './types.js';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const isLink = (value: unknown): value is HalLink => isObject(value) && typeof value.href === 'string';

/** Every link of a resource by relation, each relation as an array (HAL allows one link or an array). */
export function links(resource: unknown): Record<string, HalLink[]> {
  const result: Record<string, HalLink[]> = {};
  const all = isObject(resource) ? resource._links : undefined;
  if (!isObject(all)) return result;
  for (const [rel, value] of Object.entries(all)) {
    const list = (Array.isArray(value) ? value : [value]).filter(isLink);
    if (list.length > 0) result[rel] = list;
  }
  return result;
}

/** The link of `rel` (the one called `name` when given, else the first), or `undefined`. */
export function link<R>(resource: R, rel: LinkRel<R>, name?: string): HalLink | undefined {
  const list = links(resource)[rel];
  return name === undefined ? list?.[0] : list?.find((candidate) => candidate.name === name);
}

/** The resources embedded under `rel`, always as an array (empty when there are none). */
export function embedded<R, K extends EmbeddedRel<R>>(resource: R, rel: K): EmbeddedItem<R, K>[] {
  const all = isObject(resource) ? resource._embedded : undefined;
  const value = isObject(all) ? all[rel] : undefined;
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).filter(isObject) as EmbeddedItem<R, K>[];
}

/** Every embedded relation's resources, arrays included. */
export function embeddedRels(resource: unknown): string[] {
  const all = isObject(resource) ? resource._embedded : undefined;
  return isObject(all) ? Object.keys(all) : [];
}

export type { HalLink, HalResource };
