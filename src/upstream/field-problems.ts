import { child, deref } from '../spec/openapi.ts';
import { OPERATIONS, type OperationId } from '../spec/operations.ts';

/** A problem the upstream found with one field of the request body. */
export interface FieldProblem {
  /** Where in the request body, e.g. ['storeAccess', 0, 'storeUid']. */
  pointer: (string | number)[];
  message: string;
}

/**
 * The request-body fields a 400 answer's message names, so that a form can show
 * each problem beside its field. The message may hold several problems joined
 * by `; `. A problem names its field either as a pointer (`body/email ...`, as
 * JSON-schema validators write it) or just by a property name of the request
 * body (`email is required ...`); a problem that names none is left out.
 */
export function fieldProblems(operationId: OperationId, message: string): FieldProblem[] {
  const properties = Object.keys(child(deref(OPERATIONS[operationId].requestBody), 'properties') ?? {});
  const problems: FieldProblem[] = [];
  for (const part of message.split('; ')) {
    const pointer = /\bbody\/([\w/]+)/.exec(part);
    if (pointer) {
      problems.push({ pointer: pointer[1].split('/').map((s) => (/^\d+$/.test(s) ? Number(s) : s)), message: part });
      continue;
    }
    const named = properties.find((name) => new RegExp(`\\b${name}\\b`).test(part));
    if (named) problems.push({ pointer: [named], message: part });
  }
  return problems;
}
