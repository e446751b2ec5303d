import { describe, expectTypeOf, it } from 'vitest';
import {
  isMethodNotAllowedError,
  isNotAcceptableError,
  isPreconditionRequiredError,
  isRangeNotSatisfiableError,
  isUnsupportedMediaTypeError,
  type FetchwiseQueryError,
  type HttpError,
  MethodNotAllowedError,
  NotAcceptableError,
  NotFoundError,
  PreconditionRequiredError,
  RangeNotSatisfiableError,
  ServerError,
  ServiceUnavailableError,
  UnsupportedMediaTypeError,
} from '../../src/index.js';

describe('error names and guards: types', () => {
  it('each class has its name as a literal type; bases have their family of names', () => {
    expectTypeOf<NotFoundError['name']>().toEqualTypeOf<'NotFoundError'>();
    expectTypeOf<PreconditionRequiredError['name']>().toEqualTypeOf<'PreconditionRequiredError'>();
    expectTypeOf<ServiceUnavailableError['name']>().toEqualTypeOf<'ServiceUnavailableError'>();
    expectTypeOf<ServerError['name']>().toEqualTypeOf<'ServerError' | 'ServiceUnavailableError'>();
    expectTypeOf<'NotFoundError'>().toExtend<HttpError['name']>();
    // @ts-expect-error not the name of any fetchwise error
    const wrong: FetchwiseQueryError['name'] = 'NotFound';
    void wrong;
  });

  it('retryable is on every error of the query error union', () => {
    expectTypeOf<FetchwiseQueryError['retryable']>().toEqualTypeOf<boolean>();
  });

  it('the new guards narrow to their class', () => {
    const error: unknown = undefined;
    if (isMethodNotAllowedError(error)) expectTypeOf(error).toEqualTypeOf<MethodNotAllowedError>();
    if (isNotAcceptableError(error)) expectTypeOf(error).toEqualTypeOf<NotAcceptableError>();
    if (isUnsupportedMediaTypeError(error)) expectTypeOf(error).toEqualTypeOf<UnsupportedMediaTypeError>();
    if (isRangeNotSatisfiableError(error)) expectTypeOf(error).toEqualTypeOf<RangeNotSatisfiableError>();
    if (isPreconditionRequiredError(error)) expectTypeOf(error).toEqualTypeOf<PreconditionRequiredError>();
  });
});
