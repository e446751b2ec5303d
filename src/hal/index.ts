// The `fetchwise/hal` entry: HAL links and embedded resources (R-HAL), following links through a client.
export { embedded, link, links } from './links.js';
export { follow, halPages, linkPath, seedEmbedded } from './follow.js';
export type {
  EmbeddedItem,
  EmbeddedRel,
  FollowOptions,
  HalLink,
  HalResource,
  LinkOptions,
  LinkRel,
  SeedEmbeddedOptions,
  TemplateParams,
  TemplateValue,
} from './types.js';
