import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, resolve } from 'node:path';
import {
  Kind,
  parse,
  print,
  visit,
  type DocumentNode,
  type FragmentDefinitionNode,
  type InlineFragmentNode,
  type OperationDefinitionNode,
} from 'graphql';
import type { GraphiQLOptions } from 'graphql-yoga';

/** The client kit's operations, one file per screen or flow (read from the working directory, like the manifest). */
const CLIENT_OPERATIONS_DIR = 'client/operations';

/** How one flow of the client kit runs on the embedded sandbox: its demo bearer token and variables that work on the seeded data. */
export interface FlowExample {
  token: string;
  variables: Record<string, unknown>;
  /** Shown as comment lines above the flow's operations. */
  note?: string;
}

/** Examples by flow (the operation file's name without `.graphql`), in the order of GraphiQL's tabs. */
export type FlowExamples = Readonly<Record<string, FlowExample>>;

type Tab = NonNullable<GraphiQLOptions['defaultTabs']>[number];

const NO_TOKEN = '{"Authorization": "Bearer "}';

const FALLBACK_QUERY = `# Put your bearer token in the Headers tab below.
query Me {
  me {
    defaultTenantUid
    memberships { tenantUserUid displayName tenantRole tenant { name } }
  }
}
`;

const bearer = (token: string) => JSON.stringify({ Authorization: `Bearer ${token}` }, null, 2);
const comment = (text: string) => text.replace(/^/gm, '# ');

/**
 * What GraphiQL opens with: one tab per flow of the client kit, its operations as the frontends
 * wrote them (their fragments inlined). With examples (the gateway runs on its embedded
 * sandbox), each tab has the flow's demo token in its headers and variables that work on the
 * seeded data; without (a real upstream), no token is ever filled in.
 */
export function graphiqlOptions(examples: FlowExamples | undefined): GraphiQLOptions {
  const tabs = flowTabs(resolve(CLIENT_OPERATIONS_DIR), examples);
  const first = tabs[0]?.headers;
  return {
    title: 'Flow Retail GraphQL',
    ...(tabs.length > 0 ? { defaultTabs: tabs } : { defaultQuery: FALLBACK_QUERY }),
    // yoga hands this to GraphiQL as the headers of the first tab and of every new one.
    headers: examples && first ? first : NO_TOKEN,
    // Never into the browser's storage: a token pasted here must not outlive the page.
    shouldPersistHeaders: false,
  };
}

function flowTabs(dir: string, examples: FlowExamples | undefined): Tab[] {
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => ({ flow: basename(file, '.graphql'), text: readFileSync(join(dir, file), 'utf8') }))
    .map((file) => ({ ...file, document: parse(file.text) }));
  const fragments = new Map(
    files.flatMap(({ document }) =>
      document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
    ),
  );
  const flows = files.filter(({ document }) => document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION));
  const order = Object.keys(examples ?? {});
  const rank = (flow: string) => (order.includes(flow) ? order.indexOf(flow) : order.length);
  return flows
    .sort((a, b) => rank(a.flow) - rank(b.flow))
    .map(({ flow, text, document }) => {
      const example = examples?.[flow];
      const intro = comment(`${CLIENT_OPERATIONS_DIR}/${flow}.graphql${example?.note ? `\n${example.note}` : ''}`);
      return {
        query: [intro, ...standaloneOperations(text, document, fragments)].join('\n\n') + '\n',
        variables: example ? JSON.stringify(example.variables, null, 2) : null,
        headers: example ? bearer(example.token) : NO_TOKEN,
      };
    });
}

/**
 * The file's operations, each with the comment above it and its fragments inlined. GraphiQL
 * sends the chosen operation with every fragment of the tab, and a fragment that operation
 * does not spread fails validation (NoUnusedFragments): so a tab holds no fragment definition.
 */
function standaloneOperations(text: string, document: DocumentNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): string[] {
  let previousEnd = 0;
  return document.definitions.flatMap((definition) => {
    const start = definition.loc?.start ?? previousEnd;
    const commentAbove = text.slice(previousEnd, start).trim();
    previousEnd = definition.loc?.end ?? start;
    const printed = definition.kind === Kind.OPERATION_DEFINITION ? print(inlineFragments(definition, fragments)) : undefined;
    return [commentAbove, printed].filter((part): part is string => Boolean(part));
  });
}

/** Every fragment spread replaced by an inline fragment of the same selections (nested spreads too). */
function inlineFragments(
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): OperationDefinitionNode {
  return visit(operation, {
    FragmentSpread(spread): InlineFragmentNode | undefined {
      const fragment = fragments.get(spread.name.value);
      if (!fragment) return undefined;
      return {
        kind: Kind.INLINE_FRAGMENT,
        typeCondition: fragment.typeCondition,
        directives: spread.directives,
        selectionSet: fragment.selectionSet,
      };
    },
  });
}

/**
 * GraphiQL's bundled assets are ~9 MB of JavaScript (~80 MB of memory once
 * loaded), so they are loaded on the first GraphiQL page view, never in a
 * process that does not serve it.
 */
let graphiqlRenderer: ((options?: GraphiQLOptions) => string) | undefined;
export function renderGraphiQL(options?: GraphiQLOptions): string {
  graphiqlRenderer ??= (createRequire(import.meta.url)('@graphql-yoga/render-graphiql') as typeof import('@graphql-yoga/render-graphiql'))
    .renderGraphiQL;
  return graphiqlRenderer(options);
}
