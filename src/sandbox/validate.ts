/**
 * Request validation compiled with ajv from the spec's own schemas (no hand-written field checks).
 * Query, path and header values arrive as strings, so they are validated with type coercion
 * (`pageSize=10` becomes 10, `resendInvite=true` becomes true); bodies are validated as sent.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { DRIFT_PRESETS } from './drift.ts';
import { badRequest } from './errors.ts';
import { operationIds, operations, refsInto, spec, SPEC_ID, type OperationSpec, type SpecParam } from './spec.ts';

export type Location = 'path' | 'query' | 'header' | 'body';
export type Check = (data: unknown) => void;
export type OperationValidators = Partial<Record<Location, Check>>;

function makeAjv(coerceTypes: boolean): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, coerceTypes, validateSchema: false });
  addFormats.default(ajv);
  ajv.addSchema(spec, SPEC_ID);
  return ajv;
}

const bodyAjv = makeAjv(false);
const paramAjv = makeAjv(true);

/** "body/accountType must be equal to one of the allowed values (FULL, REGULAR, ...)" */
export function describeErrors(errors: ErrorObject[] | null | undefined, where: string): string {
  return (errors ?? [])
    .map((e) => {
      const msg = `${where}${e.instancePath} ${e.message ?? 'is invalid'}`;
      return e.keyword === 'enum' ? `${msg} (${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')})` : msg;
    })
    .join('; ');
}

function toCheck(validate: ValidateFunction, where: Location): Check {
  return (data) => {
    if (!validate(data)) throw badRequest(describeErrors(validate.errors, where));
  };
}

function paramsSchema(params: SpecParam[]) {
  return {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [p.name, refsInto(SPEC_ID, p.schema)])),
    required: params.filter((p) => p.required).map((p) => p.name),
  };
}

function compileOperation(op: OperationSpec): OperationValidators {
  const v: OperationValidators = {};
  for (const where of ['path', 'query', 'header'] as const) {
    const params = op.params.filter((p) => p.in === where);
    if (params.length) v[where] = toCheck(paramAjv.compile(paramsSchema(params)), where);
  }
  if (op.requestBody) v.body = toCheck(bodyAjv.compile(refsInto(SPEC_ID, op.requestBody) as object), 'body');
  return v;
}

const compiled = new Map(operations.map((op) => [op.operationId, compileOperation(op)]));

export function validatorsFor(operationId: string): OperationValidators {
  return compiled.get(operationId as OperationSpec['operationId']) ?? {};
}

/** Headers a fault may add: lower-case tokens, printable values; framing and content-type stay the sandbox's. */
const faultHeaders = {
  type: 'object',
  propertyNames: { pattern: "^[!#$%&'*+.^_`|~0-9a-z-]+$", not: { enum: ['content-type', 'content-length', 'transfer-encoding'] } },
  additionalProperties: { type: 'string', pattern: '^[\\t -~]*$' },
};

/** Exactly one of `value` and `remove: true`; no empty path segments. */
const driftRule = {
  type: 'object',
  additionalProperties: false,
  required: ['path'],
  properties: { path: { type: 'string', pattern: '^[^.]+(\\.[^.]+)*$' }, value: {}, remove: { const: true } },
  oneOf: [{ required: ['value'] }, { required: ['remove'] }],
};

/** Body of `PUT /__sandbox/faults`: `{ "<operationId>|*": Fault }` (also checked for in-process `faults.set`). */
export const checkFaultTable: Check = toCheck(
  bodyAjv.compile({
    type: 'object',
    propertyNames: { enum: ['*', ...operationIds] },
    additionalProperties: {
      type: 'object',
      additionalProperties: false,
      properties: {
        latencyMs: { type: 'integer', minimum: 0 },
        status: { type: 'integer', minimum: 100, maximum: 599 },
        message: { type: 'string', minLength: 1 },
        code: { type: 'string', minLength: 1 },
        headers: faultHeaders,
        drop: { type: 'boolean' },
        malformedJson: { type: 'boolean' },
        body: {},
        drift: { type: 'array', items: driftRule },
        driftPreset: { enum: DRIFT_PRESETS },
        // V8 strings top out just below 512 MiB; stay well clear of that.
        padBytes: { type: 'integer', minimum: 0, maximum: 256 * 1024 * 1024 },
        padChunked: { type: 'boolean' },
        trickleMs: { type: 'integer', minimum: 1 },
        times: { type: 'integer', minimum: 1 },
      },
      dependencies: { message: ['status'], code: ['status'], padChunked: ['padBytes'] },
    },
  }),
  'body',
);

/** Body of `POST /__sandbox/tokens/revoke`. */
export const checkTokenRevoke: Check = toCheck(
  bodyAjv.compile({
    type: 'object',
    additionalProperties: false,
    required: ['token'],
    properties: { token: { type: 'string', minLength: 1 } },
  }),
  'body',
);
