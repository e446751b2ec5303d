import { describe, expect, it } from 'vitest';
import { buildProblem } from '../../src/problem/build-problem.js';
import { defaultDialects } from '../../src/problem/default-dialects.js';
import { allDialects, aws, github, google, jsonApi, ringCentral } from '../../src/problem/dialects/index.js';
import { normalizePath } from '../../src/problem/paths.js';
import type { Dialect } from '../../src/problem/types.js';

// Every body below marked "Source:" is copied from the framework's or API's own documentation, specification
// or source code (JavaScript object literals in the source are written here as the JSON they serialise to).
// Bodies marked "Constructed:" are not copied and say what they are built from.

function problem(body: unknown, status = 400, contentType = 'application/json', statusText?: string) {
  return buildProblem({ status, statusText, contentType, body }, defaultDialects);
}

// The structural normaliser reads every body below with no dialect. Five tests pass a named dialect
// (opt-in, `fetchwise/dialects`), for what only that product's reading gives: RingCentral's detail from the
// first error, JSON:API's title/detail from the first error, Google's ErrorInfo.reason code, GitHub's
// `<field> <code>` message for code-only errors, and AWS's `__type` code.
function problemWith(dialect: Dialect, body: unknown, status = 400, contentType = 'application/json') {
  return buildProblem({ status, contentType, body }, [dialect, ...defaultDialects]);
}

describe('R-DIALECTS: RFC 9457 / RFC 7807 problem details', () => {
  it('R-DIALECTS: reads the RFC 7807 § 3 out-of-credit problem', () => {
    // Source: RFC 7807 § 3 (and RFC 9457 § 3), "The Problem Details JSON Object", first example.
    const body = {
      type: 'https://example.com/probs/out-of-credit',
      title: 'You do not have enough credit.',
      detail: 'Your current balance is 30, but that costs 50.',
      instance: '/account/12345/msgs/abc',
      balance: 30,
      accounts: ['/account/12345', '/account/67890'],
    };
    const p = problem(body, 403, 'application/problem+json; charset=utf-8');
    expect(p).toMatchObject({
      type: 'https://example.com/probs/out-of-credit',
      title: 'You do not have enough credit.',
      detail: 'Your current balance is 30, but that costs 50.',
      instance: '/account/12345/msgs/abc',
      issues: [],
    });
  });

  it('R-DIALECTS: reads the RFC 9457 § 3 `errors: [{detail, pointer}]` extension and keeps the pointers', () => {
    // Source: RFC 9457 § 3, validation-error example (422 Unprocessable Content).
    const body = {
      type: 'https://example.net/validation-error',
      title: 'Your request is not valid.',
      errors: [
        { detail: 'must be a positive integer', pointer: '#/age' },
        { detail: "must be 'green', 'red' or 'blue'", pointer: '#/profile/color' },
      ],
    };
    const p = problem(body, 422, 'application/problem+json');
    expect(p.title).toBe('Your request is not valid.');
    expect(p.fieldErrors).toEqual({ age: ['must be a positive integer'], 'profile.color': ["must be 'green', 'red' or 'blue'"] });
    expect(p.issues[1]).toEqual({ path: 'profile.color', message: "must be 'green', 'red' or 'blue'", pointer: '#/profile/color' });
    // Recognised by shape too, without the media type.
  });

  it('R-DIALECTS: reads the RFC 7807 § 3 `invalid-params: [{name, reason}]` extension', () => {
    // Source: RFC 7807 § 3, "invalid-params" example.
    const body = {
      type: 'https://example.net/validation-error',
      title: "Your request parameters didn't validate.",
      'invalid-params': [
        { name: 'age', reason: 'must be a positive integer' },
        { name: 'color', reason: "must be 'green', 'red' or 'blue'" },
      ],
    };
    const p = problem(body, 400, 'application/problem+json');
    expect(p.fieldErrors).toEqual({ age: ['must be a positive integer'], color: ["must be 'green', 'red' or 'blue'"] });
    expect(p.formErrors).toEqual([]);
  });

  it('R-DIALECTS: reads seed 004 `errors: [{title, detail}]`: the title is the code, the detail the message', () => {
    // Source: seed 004, "Validation errors".
    const body = {
      title: 'Bad Request',
      detail: 'Request failed validation',
      errors: [{ title: 'invalid_type', detail: '`body.name` is `undefined`, but `string` is expected.' }],
    };
    const p = problem(body, 400, 'application/problem+json');
    expect(p).toMatchObject({ title: 'Bad Request', detail: 'Request failed validation' });
    // No path is read out of the message: the error names no field, so it is form-level.
    expect(p.issues).toEqual([{ path: '', message: '`body.name` is `undefined`, but `string` is expected.', code: 'invalid_type' }]);
    expect(p.fieldErrors).toEqual({});
  });
});

describe('R-DIALECTS: ASP.NET Core', () => {
  it('R-DIALECTS: reads ValidationProblemDetails; the "" key is form-level', () => {
    // Source: ASP.NET Core docs, aspnetcore/web-api/index.md, "Default BadRequest response" (ValidationProblemDetails).
    const body = {
      type: 'https://tools.ietf.org/html/rfc7231#section-6.5.1',
      title: 'One or more validation errors occurred.',
      status: 400,
      traceId: '|7fb5e16a-4c8f23bbfc974667.',
      errors: { '': ['A non-empty request body is required.'] },
    };
    const p = problem(body, 400, 'application/problem+json');
    expect(p).toMatchObject({ type: 'https://tools.ietf.org/html/rfc7231#section-6.5.1', title: 'One or more validation errors occurred.' });
    expect(p.formErrors).toEqual(['A non-empty request body is required.']);
    expect(p.fieldErrors).toEqual({});
  });

  it('R-DIALECTS: reads a ProblemDetails 404 with a traceId', () => {
    // Source: ASP.NET Core docs, aspnetcore/web-api/index.md, "Problem details for error status codes".
    const body = { type: 'https://tools.ietf.org/html/rfc7231#section-6.5.4', title: 'Not Found', status: 404, traceId: '0HLHLV31KRN83:00000001' };
    expect(problem(body, 404)).toMatchObject({ title: 'Not Found', issues: [] });
  });

  it('R-DIALECTS: normalises ModelState keys (`$.items[0].name`, `Items[0].Name`)', () => {
    // Constructed: the ValidationProblemDetails shape above with System.Text.Json and MVC model-binding keys.
    const body = {
      title: 'One or more validation errors occurred.',
      status: 400,
      errors: { '$.items[0].name': ['The JSON value could not be converted.'], 'Items[1].Name': ['The Name field is required.'] },
    };
    expect(problem(body).fieldErrors).toEqual({ 'items.0.name': ['The JSON value could not be converted.'], 'Items.1.Name': ['The Name field is required.'] });
  });
});

describe('R-DIALECTS: seed 001 (RingCentral)', () => {
  it('R-DIALECTS: reads `errors: [{errorCode, message, parameterName}]`; the code is the first errorCode', () => {
    // Source: seed 001. The seed's sample is not strict JSON (a `//` comment that says "e.g. parameterName": "extensionId",
    // a trailing comma); the comment's suggestion is written out as the member it describes.
    const body = {
      errors: [
        { errorCode: 'ABC-123', message: 'Error message', parameterName: 'extensionId' },
        { errorCode: 'XYZ-321', message: 'Second error message' },
      ],
    };
    const p = problemWith(ringCentral, body, 400);
    expect(p).toMatchObject({ code: 'ABC-123', detail: 'Error message' });
    expect(p.issues).toEqual([
      { path: 'extensionId', message: 'Error message', code: 'ABC-123' },
      { path: '', message: 'Second error message', code: 'XYZ-321' },
    ]);
    expect(p.fieldErrors).toEqual({ extensionId: ['Error message'] });
    expect(p.formErrors).toEqual(['Second error message']);
  });

  it('R-DIALECTS: reads a top-level errorCode/message', () => {
    // Constructed: seed 001's error code table, row "429 | CMN-301 | Request rate exceeded", as a top-level error.
    expect(problem({ errorCode: 'CMN-301', message: 'Request rate exceeded' }, 429)).toMatchObject({
      code: 'CMN-301',
      detail: 'Request rate exceeded',
      issues: [],
    });
  });
});

describe('R-DIALECTS: seed 003 `{code, type, message}`', () => {
  it('R-DIALECTS: code → String(code), type → title, message → detail', () => {
    // Source: seed 003, "Errors" example (typographic quotes in the seed written as ASCII quotes).
    const p = problem({ code: 500, type: 'Internal Server Error', message: 'Unable to communicate with database' }, 500);
    expect(p).toMatchObject({ code: '500', title: 'Internal Server Error', detail: 'Unable to communicate with database' });
  });
});

describe('R-DIALECTS: JSON:API', () => {
  it('R-DIALECTS: maps `source.pointer` to a field path and keeps the pointer', () => {
    // Source: jsonapi.org examples (json-api/json-api examples/index.md), "Error Objects".
    const body = {
      errors: [
        {
          status: '422',
          source: { pointer: '/data/attributes/firstName' },
          title: 'Invalid Attribute',
          detail: 'First name must contain at least two characters.',
        },
      ],
    };
    const p = problemWith(jsonApi, body, 422, 'application/vnd.api+json');
    expect(p).toMatchObject({ title: 'Invalid Attribute', detail: 'First name must contain at least two characters.' });
    expect(p.issues).toEqual([{ path: 'firstName', message: 'First name must contain at least two characters.', pointer: '/data/attributes/firstName' }]);
  });

  it('R-DIALECTS: exposes error `code`s', () => {
    // Source: jsonapi.org examples, "Error Codes".
    const body = {
      jsonapi: { version: '1.1' },
      errors: [
        { code: '123', source: { pointer: '/data/attributes/firstName' }, title: 'Value is too short', detail: 'First name must contain at least two characters.' },
        {
          code: '225',
          source: { pointer: '/data/attributes/password' },
          title: 'Passwords must contain a letter, number, and punctuation character.',
          detail: 'The password provided is missing a punctuation character.',
        },
        { code: '226', source: { pointer: '/data/attributes/password' }, title: 'Password and password confirmation do not match.' },
      ],
    };
    const p = problem(body, 422);
    expect(p).toMatchObject({ code: '123' });
    expect(p.issues.map((item) => item.code)).toEqual(['123', '225', '226']);
    expect(p.fieldErrors).toEqual({
      firstName: ['First name must contain at least two characters.'],
      password: ['The password provided is missing a punctuation character.', 'Password and password confirmation do not match.'],
    });
  });

  it('R-DIALECTS: `source.parameter` names a query parameter; pointer "" is the whole document', () => {
    // Source: jsonapi.org examples, "Invalid Query Parameters".
    const query = { errors: [{ source: { parameter: 'include' }, title: 'Invalid Query Parameter', detail: 'The resource does not have an `author` relationship path.' }] };
    expect(problem(query).fieldErrors).toEqual({ include: ['The resource does not have an `author` relationship path.'] });
    // Source: jsonapi.org examples, "Error Objects" (missing `data` member).
    const root = { errors: [{ source: { pointer: '' }, detail: "Missing `data` Member at document's top level." }] };
    expect(problem(root, 422)).toMatchObject({ formErrors: ["Missing `data` Member at document's top level."] });
  });
});

describe('R-DIALECTS: Laravel', () => {
  it('R-DIALECTS: reads `{message, errors: {field: [msg]}}` with dotted keys', () => {
    // Source: Laravel docs (laravel/docs validation.md), "Validation Error Response Format".
    const body = {
      message: 'The team name must be a string. (and 4 more errors)',
      errors: {
        team_name: ['The team name must be a string.', 'The team name must be at least 1 characters.'],
        'authorization.role': ['The selected authorization.role is invalid.'],
        'users.0.email': ['The users.0.email field is required.'],
        'users.2.email': ['The users.2.email must be a valid email address.'],
      },
    };
    const p = problem(body, 422);
    expect(p).toMatchObject({ detail: 'The team name must be a string. (and 4 more errors)', title: 'Unprocessable Content' });
    expect(p.fieldErrors).toEqual(body.errors);
    expect(p.issues).toHaveLength(5);
  });
});

describe('R-DIALECTS: Rails and bare field maps', () => {
  it('R-DIALECTS: reads `render json: model.errors` (422)', () => {
    // Source: Rails ActiveModel::Errors#as_json doc comment (activemodel/lib/active_model/errors.rb),
    // `person.errors.as_json # => {:name=>["cannot be nil"]}`, rendered with status 422 as in the Rails
    // scaffold API controller template (render json: @model.errors, status: :unprocessable_content).
    const p = problem({ name: ['cannot be nil'] }, 422);
    expect(p).toMatchObject({ fieldErrors: { name: ['cannot be nil'] }, formErrors: [] });
  });

  it('R-DIALECTS: `base` is form-level; `{errors: {…}}` and `{errors: [full messages]}` are read too', () => {
    // Constructed: ActiveModel::Errors#to_hash with an error on :base (errors.add(:base, …)).
    expect(problem({ base: ['This person is invalid'], name: ["can't be blank"] }, 422)).toMatchObject({
      formErrors: ['This person is invalid'],
      fieldErrors: { name: ["can't be blank"] },
    });
    expect(problem({ errors: { name: ['cannot be nil'] } }, 422)).toMatchObject({ fieldErrors: { name: ['cannot be nil'] } });
    expect(problem({ errors: ["Name can't be blank"] }, 422)).toMatchObject({ formErrors: ["Name can't be blank"] });
  });

  it('R-DIALECTS: a bare map is a field map whatever the status, but only when every member is a list or an object', () => {
    // Constructed. 0.1's Rails dialect took a bare map on 400/422 only; the structural reader needs no status.
    expect(problem({ name: ['cannot be nil'] }, 500).fieldErrors).toEqual({ name: ['cannot be nil'] });
    expect(problem({ name: ['cannot be nil'], count: 3 }, 422).fieldErrors).toEqual({});
  });
});

describe('R-DIALECTS: Django REST Framework', () => {
  it('R-DIALECTS: reads `{detail}`', () => {
    // Source: DRF docs, api-guide/exceptions.md, "Exception handling in REST framework views".
    expect(problem({ detail: "Method 'DELETE' not allowed." }, 405)).toMatchObject({ detail: "Method 'DELETE' not allowed.", title: 'Method Not Allowed' });
  });

  it('R-DIALECTS: reads nested serializer errors', () => {
    // Source: DRF docs, api-guide/serializers.md, "Writable nested representations".
    const p = problem({ user: { email: ['Enter a valid email address.'] }, created: ['This field is required.'] }, 400);
    expect(p).toMatchObject({ fieldErrors: { 'user.email': ['Enter a valid email address.'], created: ['This field is required.'] } });
  });

  it('R-DIALECTS: `non_field_errors` is form-level', () => {
    // Source: DRF tests/test_validators.py, test_is_not_unique_together.
    const p = problem({ non_field_errors: ['The fields race_name, position must make a unique set.'] }, 400);
    expect(p).toMatchObject({ formErrors: ['The fields race_name, position must make a unique set.'], fieldErrors: {} });
    // Source: DRF tests/test_serializer_lists.py, test_allow_empty_false: a nested non_field_errors belongs to its field.
    expect(problem({ ids: { non_field_errors: ['This list may not be empty.'] } }).fieldErrors).toEqual({ ids: ['This list may not be empty.'] });
  });

  it('R-DIALECTS: reads list serializer errors by index (`items.0.name`)', () => {
    // Source: DRF tests/test_serializer_bulk_update.py before 3.17 (expected_errors of test_bulk_create_errors).
    expect(problem([{}, {}, { id: ['A valid integer is required.'] }], 400)).toMatchObject({ fieldErrors: { '2.id': ['A valid integer is required.'] } });
    // Constructed: the same list errors under a field.
    expect(problem({ items: [{ name: ['This field is required.'] }, {}] }).fieldErrors).toEqual({ 'items.0.name': ['This field is required.'] });
    // Source: DRF tests/test_serializer_lists.py (3.17 dict format), errors[1] == {"num": [...]}, under a field.
    expect(problem({ list_serializer: { 1: { num: ['Must be a valid boolean.'] } } }).fieldErrors).toEqual({ 'list_serializer.1.num': ['Must be a valid boolean.'] });
  });

  it('R-DIALECTS: a flat DRF map reads the same as any flat map', () => {
    // Source: DRF docs, api-guide/exceptions.md, "An example validation error might look like this".
    const p = problem({ amount: ['A valid integer is required.'], description: ['This field may not be blank.'] }, 400);
    expect(p.fieldErrors).toEqual({ amount: ['A valid integer is required.'], description: ['This field may not be blank.'] }); // indistinguishable from `render json: model.errors`
  });
});

describe('R-DIALECTS: FastAPI / Pydantic', () => {
  it('R-DIALECTS: drops the location segment of `loc` and uses `type` as the code', () => {
    // Source: FastAPI docs, tutorial/handling-errors.md, "Override request validation exceptions".
    const body = { detail: [{ loc: ['path', 'item_id'], msg: 'value is not a valid integer', type: 'type_error.integer' }] };
    const p = problem(body, 422);
    expect(p).toMatchObject({ code: 'type_error.integer' });
    expect(p.issues).toEqual([{ path: 'item_id', message: 'value is not a valid integer', code: 'type_error.integer' }]);
  });

  it('R-DIALECTS: reads the RequestValidationError body example', () => {
    // Source: FastAPI docs, tutorial/handling-errors.md, "Use the RequestValidationError body".
    const body = { detail: [{ loc: ['body', 'size'], msg: 'value is not a valid integer', type: 'type_error.integer' }], body: { title: 'towel', size: 'XL' } };
    expect(problem(body, 422)).toMatchObject({ fieldErrors: { size: ['value is not a valid integer'] } });
    // Constructed: a nested Pydantic v2 location.
    const nested = { detail: [{ type: 'missing', loc: ['body', 'items', 0, 'name'], msg: 'Field required', input: {} }] };
    expect(problem(nested, 422).fieldErrors).toEqual({ 'items.0.name': ['Field required'] });
  });
});

describe('R-DIALECTS: Google (AIP-193, google.rpc.Status)', () => {
  it('R-DIALECTS: the code is ErrorInfo.reason, the type the status, the detail the LocalizedMessage', () => {
    // Source: AIP-193 (aip-dev/google.aip.dev aip/general/0193.md), "JSON representation".
    const body = {
      error: {
        code: 429,
        message: "The zone 'us-east1-a' does not have enough resources available to fulfill the request. Try a different zone, or try again later.",
        status: 'RESOURCE_EXHAUSTED',
        details: [
          {
            '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
            reason: 'RESOURCE_AVAILABILITY',
            domain: 'compute.googleapis.com',
            metadata: { zone: 'us-east1-a', vmType: 'e2-medium', attachment: 'local-ssd=3,nvidia-t4=2', zonesWithCapacity: 'us-central1-f,us-central1-c' },
          },
          {
            '@type': 'type.googleapis.com/google.rpc.LocalizedMessage',
            locale: 'en-US',
            message:
              'An <e2-medium> VM instance with <local-ssd=3,nvidia-t4=2> is currently unavailable in the <us-east1-a> zone. Consider trying your request in the <us-central1-f,us-central1-c> zone(s), which currently has/have capacity to accommodate your request. Alternatively, you can try your request again with a different VM hardware configuration or at a later time. For more information, see the troubleshooting documentation.',
          },
          {
            '@type': 'type.googleapis.com/google.rpc.Help',
            links: [{ description: 'Additional information on this error', url: 'https://cloud.google.com/compute/docs/resource-error' }],
          },
        ],
      },
    };
    const p = problemWith(google, body, 429);
    expect(p).toMatchObject({ code: 'RESOURCE_AVAILABILITY', type: 'RESOURCE_EXHAUSTED', title: 'Too Many Requests' });
    expect(p.detail).toMatch(/^An <e2-medium> VM instance/);
  });

  it('R-DIALECTS: BadRequest.fieldViolations become issues; the code falls back to the status', () => {
    // Constructed: google.rpc.BadRequest as documented (cloud.google.com … /google.rpc, FieldViolation), using the
    // documented JSON field path `emailAddresses[1].email`.
    const body = {
      error: {
        code: 400,
        message: 'Request contains an invalid argument.',
        status: 'INVALID_ARGUMENT',
        details: [
          {
            '@type': 'type.googleapis.com/google.rpc.BadRequest',
            fieldViolations: [{ field: 'emailAddresses[1].email', description: 'Invalid email address', reason: 'INVALID_EMAIL' }],
          },
        ],
      },
    };
    const p = problem(body, 400);
    expect(p).toMatchObject({ code: 'INVALID_ARGUMENT', detail: 'Request contains an invalid argument.' });
    expect(p.issues).toEqual([{ path: 'emailAddresses.1.email', message: 'Invalid email address', code: 'INVALID_EMAIL' }]);
  });
});

describe('R-DIALECTS: Stripe', () => {
  it('R-DIALECTS: `param` is the field path, `code` the code, `type` the type', () => {
    // Source: stripe/stripe-android, identity/src/test/java/com/stripe/android/identity/networking/IdentityNetworkResponseFixtures.kt, ERROR_JSON_STRING.
    const body = {
      error: {
        code: 'resource_missing',
        doc_url: 'https://stripe.com/docs/error-codes/resource-missing',
        message: "No such file upload: 'hightResImage'",
        param: 'collected_data[id_document][front][high_res_image]',
        type: 'invalid_request_error',
      },
    };
    const p = problem(body, 404);
    expect(p).toMatchObject({ code: 'resource_missing', type: 'invalid_request_error', detail: "No such file upload: 'hightResImage'" });
    expect(p.fieldErrors).toEqual({ 'collected_data.id_document.front.high_res_image': ["No such file upload: 'hightResImage'"] });
  });

  it('R-DIALECTS: without a code, the type is the code', () => {
    // Constructed: Stripe's documented error object (docs.stripe.com/api/errors) with only `type` and `message`.
    expect(problem({ error: { type: 'api_error', message: 'An unknown error occurred' } }, 500)).toMatchObject({ code: 'api_error', issues: [] });
  });
});

describe('R-DIALECTS: Microsoft Graph / OData', () => {
  it('R-DIALECTS: reads the Microsoft Graph error body', () => {
    // Source: Microsoft Graph docs (microsoft-graph-docs-contrib concepts/errors.md), "example of a full JSON error body".
    const body = { error: { code: 'invalidRange', message: 'Uploaded fragment overlaps with existing data.', innerError: { 'request-id': 'request-id', date: 'date-time' } } };
    expect(problem(body, 416)).toMatchObject({ code: 'invalidRange', detail: 'Uploaded fragment overlaps with existing data.', issues: [] });
  });

  it('R-DIALECTS: `details[].target` become issues', () => {
    // Source: Microsoft REST API Guidelines (microsoft/api-guidelines Guidelines.md), "Example of details".
    const body = {
      error: {
        code: 'BadArgument',
        message: 'Multiple errors in ContactInfo data',
        target: 'ContactInfo',
        details: [
          { code: 'NullValue', target: 'PhoneNumber', message: 'Phone number must not be null' },
          { code: 'NullValue', target: 'LastName', message: 'Last name must not be null' },
          { code: 'MalformedValue', target: 'Address', message: 'Address is not valid' },
        ],
      },
    };
    const p = problem(body, 400);
    expect(p).toMatchObject({ code: 'BadArgument', detail: 'Multiple errors in ContactInfo data' });
    expect(p.issues).toEqual([
      { path: 'PhoneNumber', message: 'Phone number must not be null', code: 'NullValue' },
      { path: 'LastName', message: 'Last name must not be null', code: 'NullValue' },
      { path: 'Address', message: 'Address is not valid', code: 'MalformedValue' },
    ]);
  });
});

describe('R-DIALECTS: Spring Boot', () => {
  it('R-DIALECTS: reads the default error attributes', () => {
    // Constructed: from the Spring REST Docs sample's ApiDocumentation.errorExample (status 400, path "/notes",
    // message "The tag 'http://localhost:8080/tags/123' does not exist", error "Bad Request"); its timestamp
    // is only asserted non-null there, so this one is made up.
    const body = {
      error: 'Bad Request',
      message: "The tag 'http://localhost:8080/tags/123' does not exist",
      path: '/notes',
      status: 400,
      timestamp: '2023-01-30T12:00:00.000+00:00',
    };
    expect(problem(body, 400, 'application/json', '')).toMatchObject({
      title: 'Bad Request',
      detail: "The tag 'http://localhost:8080/tags/123' does not exist",
      issues: [],
    });
  });

  it('R-DIALECTS: reads binding `errors: [{field, defaultMessage, code}]`', () => {
    // Source: felleslosninger/efm-integrasjonspunkt, a Spring REST Docs test asserting a Spring Boot error body
    // (createSubscriptionConstraintViolation).
    const body = {
      timestamp: '2019-03-25T12:38:23+01:00',
      status: 400,
      error: 'Bad Request',
      exception: 'javax.validation.ConstraintViolationException',
      message: "event: 'nonexistent' is not expected. Allowed values are: [all, status]",
      path: '/api/subscriptions',
      errors: [
        {
          codes: ['OneOf'],
          defaultMessage: "'nonexistent' is not expected. Allowed values are: [all, status]",
          objectName: 'event',
          field: 'event',
          rejectedValue: 'nonexistent',
          bindingFailure: false,
          code: 'OneOf',
        },
      ],
    };
    const p = problem(body, 400);
    expect(p).toMatchObject({ title: 'Bad Request' });
    expect(p.issues).toEqual([{ path: 'event', message: "'nonexistent' is not expected. Allowed values are: [all, status]", code: 'OneOf' }]);
  });
});

describe('R-DIALECTS: GitHub REST', () => {
  it('R-DIALECTS: reads "Validation Failed"; the issue message is `<field> <code>` when there is none', () => {
    // Source: GitHub REST docs (github/docs content/rest/overview/resources-in-the-rest-api.md), "Client errors".
    const body = { message: 'Validation Failed', errors: [{ resource: 'Issue', field: 'title', code: 'missing_field' }] };
    const p = problemWith(github, body, 422);
    expect(p).toMatchObject({ detail: 'Validation Failed', code: 'missing_field' });
    expect(p.issues).toEqual([{ path: 'title', message: 'title missing_field', code: 'missing_field' }]);
  });

  it('R-DIALECTS: reads `{message, documentation_url}`', () => {
    // Source: GitHub REST docs, same page, "Failed login limit".
    const body = { message: 'Bad credentials', documentation_url: '{% data variables.product.doc_url_pre %}' };
    expect(problem(body, 401)).toMatchObject({ detail: 'Bad credentials', title: 'Unauthorized' });
  });
});

describe('R-DIALECTS: express-validator', () => {
  it('R-DIALECTS: reads v7 `{type: "field", msg, path, location}`', () => {
    // Source: express-validator docs, docs/guides/getting-started.md (v7).
    const body = { errors: [{ location: 'query', msg: 'Invalid value', path: 'person', type: 'field' }] };
    expect(problem(body, 400)).toMatchObject({ fieldErrors: { person: ['Invalid value'] } });
  });

  it('R-DIALECTS: reads v6 `{msg, param, location}` and normalises wildcard paths', () => {
    // Source: express-validator docs, website/versioned_docs/version-6.10.0/index.md.
    expect(problem({ errors: [{ location: 'body', msg: 'Invalid value', param: 'username' }] })).toMatchObject({
      fieldErrors: { username: ['Invalid value'] },
    });
    // Constructed: a v7 error on a wildcard field.
    expect(problem({ errors: [{ type: 'field', msg: 'Invalid value', path: 'items[0].name', location: 'body' }] }).fieldErrors).toEqual({ 'items.0.name': ['Invalid value'] });
  });
});

describe('R-DIALECTS: NestJS', () => {
  it('R-DIALECTS: a ValidationPipe message array is form-level; `error` is the title', () => {
    // Source: NestJS docs (nestjs/docs.nestjs.com content/techniques/validation.md), "Auto-validation".
    const p = problem({ statusCode: 400, error: 'Bad Request', message: ['email must be an email'] }, 400);
    expect(p).toMatchObject({ title: 'Bad Request', formErrors: ['email must be an email'], fieldErrors: {} });
    expect(p.detail).toBeUndefined();
  });

  it('R-DIALECTS: a message string is the detail', () => {
    // Source: NestJS docs, content/pipes.md, "Binding pipes".
    const p = problem({ statusCode: 400, message: 'Validation failed (numeric string is expected)', error: 'Bad Request' }, 400);
    expect(p).toMatchObject({ title: 'Bad Request', detail: 'Validation failed (numeric string is expected)' });
    // Source: NestJS docs, content/exception-filters.md, "Throwing standard exceptions".
    expect(problem({ statusCode: 403, message: 'Forbidden' }, 403)).toMatchObject({ detail: 'Forbidden', title: 'Forbidden' });
  });
});

describe('R-DIALECTS: hapi / Boom', () => {
  it('R-DIALECTS: reads `validation.keys`', () => {
    // Source: hapi test/validation.js, "customizes error on invalid input".
    const body = {
      statusCode: 400,
      error: 'Bad Request',
      message: '"a" length must be at least 2 characters long',
      validation: { source: 'query', keys: ['a'] },
      walt: 'jr',
    };
    const p = problem(body, 400);
    expect(p).toMatchObject({ title: 'Bad Request', detail: '"a" length must be at least 2 characters long' });
    expect(p.fieldErrors).toEqual({ a: ['"a" length must be at least 2 characters long'] });
  });
});

describe('R-DIALECTS: OAuth 2.0 (RFC 6749 § 5.2)', () => {
  it('R-DIALECTS: `error` is the code', () => {
    // Source: RFC 6749 § 5.2, error response example.
    expect(problem({ error: 'invalid_request' }, 400)).toMatchObject({ code: 'invalid_request', title: 'Bad Request' });
  });

  it('R-DIALECTS: `error_description` is the detail, `error_uri` the type', () => {
    // Constructed: the RFC 6749 § 5.2 members, with an unregistered extension code.
    const body = { error: 'consent_required', error_description: 'The user must consent.', error_uri: 'https://example.com/errors/consent' };
    expect(problem(body, 400)).toMatchObject({ code: 'consent_required', detail: 'The user must consent.', type: 'https://example.com/errors/consent' });
  });
});

describe('R-DIALECTS: zod flatten()', () => {
  it('R-DIALECTS: reads `{formErrors, fieldErrors}`', () => {
    // Source: zod v4 docs (colinhacks/zod packages/docs/content/error-formatting.mdx), z.flattenError().
    const body = {
      formErrors: ['Unrecognized key: "extraKey"'],
      fieldErrors: {
        username: ['Invalid input: expected string, received number'],
        favoriteNumbers: ['Invalid input: expected number, received string'],
      },
    };
    const p = problem(body, 400);
    expect(p).toMatchObject({ formErrors: ['Unrecognized key: "extraKey"'], fieldErrors: body.fieldErrors });
  });

  it('R-DIALECTS: reads the mapped form with error codes', () => {
    // Source: zod v3 docs (packages/docs-v3/ERROR_HANDLING.md), "Post-processing issues".
    const body = {
      formErrors: [],
      fieldErrors: {
        name: [{ message: 'Expected string, received null', errorCode: 'invalid_type' }],
        contactInfo: [{ message: 'Invalid email', errorCode: 'invalid_string' }],
      },
    };
    expect(problem(body).issues).toEqual([
      { path: 'name', message: 'Expected string, received null', code: 'invalid_type' },
      { path: 'contactInfo', message: 'Invalid email', code: 'invalid_string' },
    ]);
  });
});

describe('R-DIALECTS: GraphQL', () => {
  it('R-DIALECTS: reads spec errors; response paths are not input fields', () => {
    // Source: GraphQL specification § 7.1.2 "Errors", example with `path`.
    const body = {
      errors: [{ message: 'Name for character with ID 1002 could not be fetched.', locations: [{ line: 6, column: 7 }], path: ['hero', 'heroFriends', 1, 'name'] }],
      data: { hero: { name: 'R2-D2', heroFriends: [{ id: '1000', name: 'Luke Skywalker' }, { id: '1002', name: null }, { id: '1003', name: 'Leia Organa' }] } },
    };
    const p = problem(body, 200);
    expect(p).toMatchObject({ formErrors: ['Name for character with ID 1002 could not be fetched.'], fieldErrors: {} });
  });
});

describe('R-DIALECTS: AWS JSON protocols', () => {
  it('R-DIALECTS: sanitises `__type` as Smithy specifies', () => {
    // Source: Smithy docs (smithy-lang/smithy docs/source-2.0/aws/protocols/aws-json.rst.template),
    // "Operation error serialization": all of these resolve to FooError.
    for (const type of [
      'FooError',
      'FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/',
      'aws.protocoltests.restjson#FooError',
      'aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/',
    ]) {
      expect(problemWith(aws, { __type: type }, 400)).toMatchObject({ code: 'FooError' });
    }
    // Constructed: a DynamoDB-style body.
    const body = { __type: 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException', message: 'Requested resource not found' };
    expect(problemWith(aws, body, 400)).toMatchObject({ code: 'ResourceNotFoundException', detail: 'Requested resource not found' });
    // Without the dialect the message is still read; `__type` is a product's own member.
    expect(problem(body, 400)).toMatchObject({ detail: 'Requested resource not found', formErrors: ['Requested resource not found'] });
  });
});

describe('R-DIALECTS: generic fallback', () => {
  it('R-DIALECTS: reads `{message}`', () => {
    // Source: FastAPI docs, tutorial/handling-errors.md, "Install custom exception handlers".
    expect(problem({ message: 'Oops! yolo did something. There goes a rainbow...' }, 418)).toMatchObject({
      detail: 'Oops! yolo did something. There goes a rainbow...',
    });
    // Source: GitHub REST docs, "Client errors" (no documentation_url).
    expect(problem({ message: 'Problems parsing JSON' }, 400)).toMatchObject({ detail: 'Problems parsing JSON', title: 'Bad Request' });
  });

  it('R-DIALECTS: reads `{error: "…"}`, `{error: {message}}`, `{title}` and an explicit code', () => {
    // Constructed: common ad-hoc shapes.
    expect(problem({ error: 'Something went wrong' }, 500)).toMatchObject({ detail: 'Something went wrong', title: 'Internal Server Error' });
    expect(problem({ error: 'Not Found', message: 'No user 42' }, 404)).toMatchObject({ title: 'Not Found', detail: 'No user 42' });
    expect(problem({ error: { message: 'Invalid token', code: 40101 } }, 401)).toMatchObject({ detail: 'Invalid token', code: '40101' });
    expect(problem({ title: 'Maintenance' }, 503)).toMatchObject({ title: 'Maintenance' });
    expect(problem({ code: 'E_LOCKED', message: 'Account locked' }, 423)).toMatchObject({ code: 'E_LOCKED', detail: 'Account locked' });
  });

  it('R-DIALECTS: unknown shapes get a title from the status and nothing else', () => {
    expect(problem({ foo: 1 }, 502)).toMatchObject({ title: 'Bad Gateway', issues: [], fieldErrors: {}, formErrors: [] });
  });
});

describe('R-DIALECTS: custom dialects and robustness', () => {
  it('R-DIALECTS: a user dialect passed first wins over the defaults', () => {
    const mine: Dialect = {
      name: 'acme',
      parse: (body) => (typeof body === 'object' && body !== null && 'acmeCode' in body ? { code: String(body.acmeCode), title: 'ACME' } : undefined),
    };
    // Constructed: a body the built-in problem-json dialect would also read.
    const body = { acmeCode: 7, title: 'Bad', status: 400, detail: 'x' };
    expect(buildProblem({ status: 400, body }, [mine, ...defaultDialects])).toMatchObject({ dialect: 'acme', code: '7', title: 'ACME' });
    expect(buildProblem({ status: 400, body }, defaultDialects)).toMatchObject({ dialect: 'structural', title: 'Bad' });
  });

  it('R-DIALECTS: no dialect throws on hostile JSON', () => {
    // Deep nesting as JSON.parse builds it: chains, no shared subtrees.
    const chain = (wrap: (inner: unknown) => unknown): unknown => {
      let value: unknown = ['x'];
      for (let i = 0; i < 5_000; i++) value = wrap(value);
      return value;
    };
    const deep = [chain((v) => ({ errors: v })), chain((v) => ({ detail: [v] })), chain((v) => ({ items: [v] })), chain((v) => [v])];
    const huge = Array.from({ length: 100_000 }, (_, i) => ({ errorCode: `E${i}`, message: 'm', loc: [i], msg: 'x' }));
    const bodies: unknown[] = [
      null, 0, 'x', true, [], {}, [null, 1, 'x'], ...deep,
      { errors: null }, { errors: [null, 1, 'x'] }, { detail: [{ loc: null }] }, { detail: [null] }, { error: null }, { error: [] },
      { errors: huge }, { detail: huge }, huge, { error: { code: 1, details: [null, { '@type': 1 }] } }, { __type: ':#' },
      { formErrors: [null], fieldErrors: { a: null } }, { statusCode: 1, error: 'x', validation: { keys: null } },
      { errors: [{ type: 'alternative', msg: 'x', nestedErrors: [[null, { msg: 1 }], 3] }] },
    ];
    for (const dialect of [...defaultDialects, ...allDialects]) {
      for (const body of bodies) {
        for (const status of [0, 400, 422, 500]) {
          expect(() => dialect.parse(body, { status, contentType: 'application/problem+json' })).not.toThrow();
        }
      }
    }
    expect(problem({ errors: huge }).issues.length).toBeLessThanOrEqual(1_000);
  });
});

describe('R-PATHS', () => {
  it('R-PATHS: JSON pointers become dotted paths with numeric indices', () => {
    expect(normalizePath('/items/0/name')).toBe('items.0.name');
    expect(normalizePath('#/profile/color')).toBe('profile.color');
    expect(normalizePath('/a~1b/c~0d')).toBe('a/b.c~d');
  });

  it('R-PATHS: bracket paths are normalised', () => {
    expect(normalizePath('items[0].name')).toBe('items.0.name');
    expect(normalizePath('items[0][name]')).toBe('items.0.name');
    expect(normalizePath('card[number]')).toBe('card.number');
  });

  it('R-PATHS: a `$.` root and segment arrays are normalised', () => {
    expect(normalizePath('$.items[0].name')).toBe('items.0.name');
    expect(normalizePath('$')).toBe('');
    expect(normalizePath(['items', 0, 'name'])).toBe('items.0.name');
    expect(normalizePath(undefined)).toBe('');
  });
});

describe('R-CODE', () => {
  it('R-CODE: the machine code is exposed, numeric codes as strings', () => {
    expect(problem({ errors: [{ errorCode: 'CMN-102', message: 'Resource for parameter [extensionId] is not found', parameterName: 'extensionId' }] }, 404).code).toBe('CMN-102');
    expect(problem({ code: 500, type: 'Internal Server Error', message: 'boom' }, 500).code).toBe('500');
  });

  it('R-CODE: a message that looks like a code is not parsed for a code or a path', () => {
    // Constructed: seed 001's CMN-102 message, with no parameterName member.
    const p = problem({ errors: [{ errorCode: 'CMN-102', message: 'Resource for parameter [extensionId] is not found' }] }, 404);
    expect(p.fieldErrors).toEqual({});
    expect(p.formErrors).toEqual(['Resource for parameter [extensionId] is not found']);
    expect(problem({ message: 'CMN-102' }, 404).code).toBeUndefined();
    expect(problem({ error: 'ERR_TIMEOUT: upstream' }, 504).code).toBeUndefined();
    expect(problem({ detail: 'invalid_grant' }, 400).code).toBeUndefined();
  });
});
