import type { GraphQLField, GraphQLNamedType, GraphQLSchema, GraphQLType } from 'graphql';

/**
 * Builds a call for any root field from the schema alone, so a test can exercise every
 * operation — including ones added later — without a hand-written list. Types are inspected by
 * shape and printed name (not graphql's instanceof helpers: under the test runner the schema
 * comes from another copy of the graphql module).
 */
export interface OperationCall {
  field: string;
  operation: 'query' | 'mutation';
  text: string;
  variables: Record<string, unknown>;
}

/** Values for arguments, by argument or input-field name where the name says more than the type. */
export interface ArgumentValues {
  id: string;
  string: (name: string) => string | null;
  int: (name: string) => number;
}

type Field = GraphQLField<unknown, unknown>;

const named = (schema: GraphQLSchema, type: GraphQLType | string): GraphQLNamedType => {
  const t = schema.getType(String(type).replace(/[[\]!]/g, ''));
  if (!t) throw new Error(`unknown type ${String(type)}`);
  return t;
};
const isNonNull = (type: GraphQLType | { toString(): string }) => String(type).endsWith('!');
const isList = (type: GraphQLType | { toString(): string }) => /^\[.*\]!?$/.test(String(type));
const kindOf = (t: GraphQLNamedType): 'enum' | 'input' | 'object' | 'scalar' =>
  'getValues' in t ? 'enum' : 'getFields' in t ? ('getInterfaces' in t ? 'object' : 'input') : 'scalar';

function valueFor(
  schema: GraphQLSchema,
  name: string,
  type: GraphQLType,
  values: ArgumentValues,
  requiredOnly: boolean,
): unknown {
  const t = named(schema, type);
  const list = isList(type);
  const kind = kindOf(t);
  let one: unknown;
  if (kind === 'enum') {
    const all = (t as unknown as { getValues(): Array<{ name: string }> }).getValues().map((v) => v.name);
    // A list of enum values gets all of them, so an enum filter never hides what is being probed.
    return list ? all : all[0];
  } else if (kind === 'input') {
    const fields = Object.values(
      (t as unknown as { getFields(): Record<string, { name: string; type: GraphQLType }> }).getFields(),
    );
    one = Object.fromEntries(
      fields.flatMap((f) => {
        if (requiredOnly && !isNonNull(f.type)) return [];
        const v = valueFor(schema, f.name, f.type, values, requiredOnly);
        return v === undefined ? [] : [[f.name, v]];
      }),
    );
  } else if (t.name === 'ID') one = values.id;
  else if (t.name === 'String') one = values.string(name);
  else if (t.name === 'Int') one = values.int(name);
  else if (t.name === 'Boolean') return isNonNull(type) ? true : undefined;
  else if (t.name === 'DateTime')
    one = name === 'to' ? '2100-01-01T00:00:00.000Z' : '2000-01-01T00:00:00.000Z';
  else throw new Error(`no test value for scalar ${t.name}`);
  return list ? [one] : one;
}

/**
 * Every scalar field, and object fields up to `depth` levels down; lists of objects inside lists
 * are left out, so the probe stays under the complexity limit.
 */
export function selectionFor(
  schema: GraphQLSchema,
  type: GraphQLType,
  depth = 4,
  insideList = false,
): string {
  const t = named(schema, type);
  if (kindOf(t) !== 'object') return '';
  const fields = Object.values((t as unknown as { getFields(): Record<string, Field> }).getFields());
  const parts = fields.flatMap((f) => {
    if (f.args.some((a) => isNonNull(a.type))) return [];
    if (kindOf(named(schema, f.type)) !== 'object') return [f.name];
    if (depth <= 1 || (insideList && isList(f.type))) return [];
    return [`${f.name} ${selectionFor(schema, f.type, depth - 1, insideList || isList(f.type))}`];
  });
  return parts.length ? `{ ${parts.join(' ')} }` : '';
}

/** One call of `field` with every argument (or only the required ones) filled from `values`. */
export function buildCall(
  schema: GraphQLSchema,
  operation: 'query' | 'mutation',
  field: Field,
  values: ArgumentValues,
  requiredOnly: boolean,
): OperationCall {
  const args = field.args.filter((a) => !requiredOnly || (isNonNull(a.type) && a.defaultValue === undefined));
  const variables: Record<string, unknown> = {};
  const declared: string[] = [];
  const passed: string[] = [];
  for (const a of args) {
    const v = valueFor(schema, a.name, a.type, values, requiredOnly);
    if (v === undefined || (v === null && isNonNull(a.type))) continue;
    variables[a.name] = v;
    declared.push(`$${a.name}: ${String(a.type)}`);
    passed.push(`${a.name}: $${a.name}`);
  }
  const head = declared.length ? `(${declared.join(', ')})` : '';
  const call = passed.length ? `(${passed.join(', ')})` : '';
  return {
    field: field.name,
    operation,
    text: `${operation} Probe${head} { ${field.name}${call} ${selectionFor(schema, field.type)} }`,
    variables,
  };
}

/** The root fields of Query and Mutation, as the schema has them now. */
export function rootFields(schema: GraphQLSchema): Array<{ operation: 'query' | 'mutation'; field: Field }> {
  const of = (operation: 'query' | 'mutation') => {
    const root = operation === 'query' ? schema.getQueryType() : schema.getMutationType();
    return root ? Object.values(root.getFields()).map((field) => ({ operation, field })) : [];
  };
  return [...of('query'), ...of('mutation')];
}
