import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildSchema,
  findBreakingChanges,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  isIntrospectionType,
  printSchema,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
} from 'graphql';
import { schema } from '../src/schema/index.ts';
import { componentSchema } from '../src/spec/openapi.ts';

const contract = buildSchema(readFileSync(new URL('../contract/schema-contract.graphql', import.meta.url), 'utf8'));

function kind(type: GraphQLNamedType): string {
  if (isObjectType(type)) return 'object';
  if (isInputObjectType(type)) return 'input';
  if (isEnumType(type)) return 'enum';
  if (isScalarType(type)) return 'scalar';
  if (isInterfaceType(type)) return 'interface';
  return 'union';
}

function argSignature(arg: GraphQLArgument | GraphQLInputField): string {
  return `${arg.type.toString()}${arg.defaultValue === undefined ? '' : ` = ${JSON.stringify(arg.defaultValue)}`}`;
}

/** Every difference between the contract and our schema, as readable lines (empty when we honour it). */
function contractDifferences(): string[] {
  const problems: string[] = [];
  for (const expected of Object.values(contract.getTypeMap())) {
    if (isIntrospectionType(expected) || isSpecifiedScalarType(expected)) continue;
    const actual = schema.getType(expected.name);
    if (!actual) {
      problems.push(`missing type ${expected.name}`);
      continue;
    }
    if (kind(actual) !== kind(expected)) {
      problems.push(`${expected.name} is a ${kind(actual)}, contract says ${kind(expected)}`);
      continue;
    }
    if (isEnumType(expected) && isEnumType(actual)) {
      const have = new Set(actual.getValues().map((value) => value.name));
      for (const value of expected.getValues()) if (!have.has(value.name)) problems.push(`${expected.name}.${value.name} missing`);
    }
    if (isInputObjectType(expected) && isInputObjectType(actual)) {
      const fields = actual.getFields();
      for (const field of Object.values(expected.getFields())) {
        const mine = fields[field.name];
        if (!mine) problems.push(`${expected.name}.${field.name} missing`);
        else if (argSignature(mine) !== argSignature(field))
          problems.push(`${expected.name}.${field.name}: ${argSignature(mine)} != contract ${argSignature(field)}`);
      }
      // A required input field we add would break clients that follow the contract.
      for (const mine of Object.values(fields))
        if (!expected.getFields()[mine.name] && mine.type.toString().endsWith('!'))
          problems.push(`${expected.name}.${mine.name} is an added required input field`);
    }
    if (isObjectType(expected) && isObjectType(actual)) {
      const fields = actual.getFields();
      for (const field of Object.values(expected.getFields()) as GraphQLField<unknown, unknown>[]) {
        const mine = fields[field.name];
        if (!mine) {
          problems.push(`${expected.name}.${field.name} missing`);
          continue;
        }
        if (mine.type.toString() !== field.type.toString())
          problems.push(`${expected.name}.${field.name}: ${mine.type.toString()} != contract ${field.type.toString()}`);
        for (const arg of field.args) {
          const myArg = mine.args.find((candidate) => candidate.name === arg.name);
          if (!myArg) problems.push(`${expected.name}.${field.name}(${arg.name}) missing`);
          else if (argSignature(myArg) !== argSignature(arg))
            problems.push(`${expected.name}.${field.name}(${arg.name}): ${argSignature(myArg)} != contract ${argSignature(arg)}`);
        }
        for (const myArg of mine.args)
          if (!field.args.some((arg) => arg.name === myArg.name) && myArg.type.toString().endsWith('!'))
            problems.push(`${expected.name}.${field.name}(${myArg.name}) is an added required argument`);
      }
    }
  }
  return problems;
}

/** Every type, field, argument, input field and enum value of ours that has no description. */
function undescribed(): string[] {
  const missing: string[] = [];
  const has = (text: string | null | undefined) => typeof text === 'string' && text.trim().length > 0;
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    const rootType = ['Query', 'Mutation'].includes(type.name);
    if (!rootType && !has(type.description)) missing.push(type.name);
    if (isEnumType(type)) for (const value of type.getValues()) if (!has(value.description)) missing.push(`${type.name}.${value.name}`);
    if (isInputObjectType(type))
      for (const field of Object.values(type.getFields())) if (!has(field.description)) missing.push(`${type.name}.${field.name}`);
    if (isObjectType(type))
      for (const field of Object.values(type.getFields())) {
        if (!has(field.description)) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args) if (!has(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
  }
  return missing;
}

describe('schema against contract/schema-contract.graphql', () => {
  it('has no breaking change from the contract (graphql findBreakingChanges)', () => {
    expect(findBreakingChanges(contract, schema)).toEqual([]);
  });

  it('contains every contract type, field, argument (with default), input field and enum value unchanged', () => {
    expect(contractDifferences()).toEqual([]);
  });

  it('gives every type, field, argument, input field and enum value a description', () => {
    expect(undescribed()).toEqual([]);
  });

  it.each([
    ['AccountType', 'TenantAccountTypeENUM'],
    ['TenantRole', 'TenantRoleENUM'],
    ['StoreRole', 'StoreRoleENUM'],
    ['TenantUserStatus', 'TenantUserStatusENUM'],
    ['ExtensionCode', 'ExtensionCodeENUM'],
    ['CustomerRequiredField', 'CustomerRequiredFieldENUM'],
  ])('%s has exactly the values of the spec’s %s, plus UNKNOWN', (graphName, specName) => {
    const values = (schema.getType(graphName) as import('graphql').GraphQLEnumType).getValues().map((value) => value.name);
    // REST spells customer fields in lower camel case (vatNumber); the graph in upper snake case (VAT_NUMBER).
    const specValues = (componentSchema(specName).enum as string[]).map((value) => value.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase());
    expect(values.sort()).toEqual([...specValues, 'UNKNOWN'].sort());
  });
  it('keeps ExtensionCode to the 37 codes of the spec, plus UNKNOWN', () => {
    expect((schema.getType('ExtensionCode') as import('graphql').GraphQLEnumType).getValues()).toHaveLength(38);
  });

  it('prints in lexicographic order (types sorted)', () => {
    const names = [...printSchema(schema).matchAll(/^(?:type|input|enum|scalar) (\w+)/gm)].map((match) => match[1]);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });
});

describe('schema.graphql', () => {
  it('is up to date with the Pothos schema (run `npm run schema` when this fails)', () => {
    const committed = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');
    expect(committed).toBe(`${printSchema(schema)}\n`);
  });
});
