/** operationId -> handler for all operations of the spec. */
import type { Handler } from '../context.ts';
import { operations } from '../spec.ts';
import { accountHandlers } from './account.ts';
import { tenantHandlers } from './tenants.ts';
import { tokenHandlers } from './tokens.ts';
import { userHandlers } from './users.ts';

export const handlers: Record<string, Handler> = { ...accountHandlers, ...tenantHandlers, ...userHandlers, ...tokenHandlers };

const missing = operations.filter((op) => !handlers[op.operationId]).map((op) => op.operationId);
if (missing.length) throw new Error(`Sandbox has no handler for: ${missing.join(', ')}`);
