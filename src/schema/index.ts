import { lexicographicSortSchema, specifiedDirectives } from 'graphql';
import { GraphQLDeferDirective, GraphQLStreamDirective } from '@graphql-tools/utils';
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

// @defer and @stream are declared in the schema itself, so schema.graphql (and codegen, and editors) know them.
const directives = [...specifiedDirectives, GraphQLDeferDirective, GraphQLStreamDirective];

export const schema = reportStandIns(lexicographicSortSchema(builder.toSchema({ directives })));
