import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.ts';
import { reportStandIns } from './stand-ins.ts';
// Every domain file registers its types and root fields on the builder.
import './enums.ts';
import './paging.ts';
import './tenant.ts';
import './tenant-user.ts';
import './token.ts';
import './account.ts';
import './invitation.ts';

export const schema = reportStandIns(lexicographicSortSchema(builder.toSchema()));
