import type { Dialect } from '../types.js';
import { aspnetCore } from './aspnet-core.js';
import { aws } from './aws.js';
import { codeTypeMessage } from './code-type-message.js';
import { drf } from './drf.js';
import { expressValidator } from './express-validator.js';
import { fastapi } from './fastapi.js';
import { generic } from './generic.js';
import { github } from './github.js';
import { google } from './google.js';
import { graphql } from './graphql.js';
import { hapi } from './hapi.js';
import { jsonApi } from './json-api.js';
import { laravel } from './laravel.js';
import { nestjs } from './nestjs.js';
import { oauth } from './oauth.js';
import { odata } from './odata.js';
import { problemJson } from './problem-json.js';
import { rails } from './rails.js';
import { ringCentral } from './ringcentral.js';
import { spring } from './spring.js';
import { stripe } from './stripe.js';
import { zodFlatten } from './zod-flatten.js';

export { aspnetCore } from './aspnet-core.js';
export { aws } from './aws.js';
export { codeTypeMessage } from './code-type-message.js';
export { drf } from './drf.js';
export { expressValidator } from './express-validator.js';
export { fastapi } from './fastapi.js';
export { generic } from './generic.js';
export { github } from './github.js';
export { google } from './google.js';
export { graphql } from './graphql.js';
export { hapi } from './hapi.js';
export { jsonApi } from './json-api.js';
export { laravel } from './laravel.js';
export { nestjs } from './nestjs.js';
export { oauth } from './oauth.js';
export { odata } from './odata.js';
export { problemJson } from './problem-json.js';
export { rails } from './rails.js';
export { ringCentral } from './ringcentral.js';
export { spring } from './spring.js';
export { stripe } from './stripe.js';
export { zodFlatten } from './zod-flatten.js';

/**
 * `fetchwise/dialects`: the named dialects of 0.1, opt-in. The default reader is the structural normaliser
 * (`src/problem/normalise.ts`); pass one of these (or `allDialects`) in `dialects` where a body's structure
 * alone is ambiguous or you want a product's exact reading (its codes, its message for a code-only error):
 * `createClient({ dialects: [github, google] })`. Your dialects are tried first, the normaliser last.
 *
 * All of them, most specific first; the first that recognises a body wins.
 * - Problem details first: `type`/`title` with `status`/`detail` is unambiguous (ASP.NET's flavour before the rest).
 * - Then members no one else uses: `errorCode` (seed 001), `{code, type, message}` (seed 003).
 * - `{error: {…}}` envelopes, told apart by their members: Google (numeric `code` + `status`/`details`),
 *   Stripe (its `type` values), OData (string `code`); then OAuth's `{error: "invalid_grant"}`.
 * - Framework envelopes with fixed members: Spring, hapi, NestJS, GitHub.
 * - `errors: [{…}]` lists by their item members: express-validator (`msg`), JSON:API, GraphQL (`message`).
 * - Field maps: Laravel (`message` + map), zod, FastAPI (`detail[].loc`), AWS (`__type`), Rails (flat maps,
 *   bare only on 400/422, never with `non_field_errors`), then DRF (nested, lists, `non_field_errors`, `{detail}`).
 * - The generic `{message}` / `{error}` / `{detail}` / `{title}` fallback last.
 */
export const allDialects: readonly Dialect[] = [
  aspnetCore,
  problemJson,
  ringCentral,
  codeTypeMessage,
  google,
  stripe,
  odata,
  oauth,
  spring,
  hapi,
  nestjs,
  github,
  expressValidator,
  jsonApi,
  graphql,
  laravel,
  zodFlatten,
  fastapi,
  aws,
  rails,
  drf,
  generic,
];
