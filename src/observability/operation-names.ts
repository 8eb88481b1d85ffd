import { Kind, type DocumentNode } from 'graphql';

/** The label every name outside the bounded set gets. */
export const OTHER_OPERATION = 'other';
/** What the prometheus plugin calls an operation without a name. */
const ANONYMOUS_OPERATION = 'Anonymous';

/**
 * The operation names allowed as metric labels. Every distinct label value is
 * a new time series, so a client could grow /metrics without bound by naming
 * each request differently. Only names of operations that were valid and
 * executed are admitted, at most `max` of them (first come); the rest are
 * counted as `other`.
 */
export class OperationNames {
  private readonly admitted = new Set<string>();

  constructor(private readonly max: number) {}

  /** For an executed operation: its name, admitted while there is room. */
  admit(name: string | undefined, document: DocumentNode | undefined): string {
    if (name === ANONYMOUS_OPERATION) return name;
    if (name === undefined || !this.admitted.has(name)) {
      if (name === undefined || this.admitted.size >= this.max || !namesOperation(document, name)) return OTHER_OPERATION;
      this.admitted.add(name);
    }
    return name;
  }

  /** For a request that failed before execution: its name only if already admitted. */
  label(name: string | undefined): string {
    return name !== undefined && (name === ANONYMOUS_OPERATION || this.admitted.has(name)) ? name : OTHER_OPERATION;
  }
}

/** True when `name` is the name of an operation in the document (not just what the client claimed). */
function namesOperation(document: DocumentNode | undefined, name: string): boolean {
  return document?.definitions.some((node) => node.kind === Kind.OPERATION_DEFINITION && node.name?.value === name) ?? false;
}
