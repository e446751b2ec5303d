import type { InferOutput, StandardSchemaV1 } from '../core/schema.js';
import type { HttpMethod, RequestOptions } from '../core/types.js';

/** A HAL link object (draft-kelly-json-hal §5). `href` is a URI reference, or a URI template when `templated`. */
export interface HalLink {
  href: string;
  /** `href` is an RFC 6570 URI template: pass `params` to expand it. */
  templated?: boolean;
  /** Media type hint. */
  type?: string;
  /** A URL telling why the link is deprecated. */
  deprecation?: string;
  /** Tells several links of one relation apart. */
  name?: string;
  profile?: string;
  title?: string;
  hreflang?: string;
}

/** An `application/hal+json` resource: its own properties, `_links` by relation and `_embedded` resources. */
export interface HalResource {
  _links?: Record<string, HalLink | readonly HalLink[]>;
  _embedded?: Record<string, HalResource | readonly HalResource[]>;
  [property: string]: unknown;
}

type LinksOf<R> = R extends { _links?: infer L } ? NonNullable<L> : never;
type EmbeddedOf<R> = R extends { _embedded?: infer E } ? NonNullable<E> : never;
type Relations<T> = [T] extends [never] ? string : string extends keyof T ? string : keyof T & string;

/** The relation names a resource type declares in `_links` (`string` when it declares none). */
export type LinkRel<R> = Relations<LinksOf<R>>;

/** The relation names a resource type declares in `_embedded` (`string` when it declares none). */
export type EmbeddedRel<R> = Relations<EmbeddedOf<R>>;

/** The type of one resource embedded under `rel` (arrays unwrapped); `HalResource` when undeclared. */
export type EmbeddedItem<R, K extends string> = [EmbeddedOf<R>] extends [never]
  ? HalResource
  : K extends keyof EmbeddedOf<R>
    ? Unwrap<NonNullable<EmbeddedOf<R>[K]>>
    : HalResource;

type Unwrap<T> = T extends readonly (infer Item)[] ? Item : T;

/** Values for an RFC 6570 template: strings, numbers, booleans, lists and maps (for `{?filter*}`). */
export type TemplateParams = Record<string, TemplateValue | TemplateValue[] | Record<string, TemplateValue | TemplateValue[]>>;

/** One value in a URI template. */
export type TemplateValue = string | number | boolean | null;

/** Picks one link of a relation and fills in its template. */
export interface LinkOptions {
  /** Values for a templated link (RFC 6570, via `url-template`). Ignored for links that are not `templated`. */
  params?: TemplateParams;
  /** Picks the link with this `name` when the relation has several. @default the first */
  name?: string;
}

/** Options of `client.follow`: those of a request plus the link choice. */
export interface FollowOptions extends Omit<RequestOptions, 'followLocation'>, LinkOptions {
  /** @default 'GET' */
  method?: HttpMethod;
}

/** Which embedded resources `seedEmbedded` puts in the query cache. */
export interface SeedEmbeddedOptions {
  /** Relations to seed. @default every relation in `_embedded` */
  rel?: string | readonly string[];
  /**
   * Validates each item as the item's own query would (use the detail query's schema); items that fail
   * are skipped, so a partial embedded representation never stands in for the full resource.
   */
  schema?: StandardSchemaV1;
}
