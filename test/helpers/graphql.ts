import { ClientError, type GraphQLClient } from 'graphql-request';

/**
 * A JSON answer as tests read it, field by field: any property or index may be
 * read (a missing one is undefined at run time, which the assertion then
 * catches), and a value can be used as the text, number, flag or list it is.
 */
export type Json = Json[] & { [key: string]: Json };

export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

export interface Result<T = Json> {
  data: T;
  errors?: GqlError[];
}

/** Runs a document and returns data and errors both (graphql-request throws on any error). */
export async function run<T = Json>(client: GraphQLClient, query: string, variables?: Record<string, unknown>): Promise<Result<T>> {
  try {
    const response = await client.rawRequest<T>(query, variables);
    return { data: response.data, errors: response.errors as GqlError[] | undefined };
  } catch (error) {
    if (error instanceof ClientError)
      return { data: (error.response.data ?? null) as T, errors: error.response.errors as GqlError[] | undefined };
    throw error;
  }
}
