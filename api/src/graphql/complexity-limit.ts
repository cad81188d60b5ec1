import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  getOperationAST,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type GraphQLType,
  type SelectionSetNode,
} from 'graphql';
import { AppError, ErrorCode } from '../errors/app-error.js';

/** What a list without a `first` argument (versions, replies, grants, …) is assumed to hold. */
export const DEFAULT_LIST_SIZE = 10;
/**
 * Larger `first` values are costed as this: every paged field refuses pages above its own
 * maximum (100 or 200) with BAD_USER_INPUT, which tells the client more than a cost would.
 */
const MAX_COSTED_PAGE = 200;

type FieldsType = GraphQLObjectType | GraphQLInterfaceType;

// Types are inspected by their printed form, not with graphql's instanceof helpers: under the
// test runner type-graphql's CommonJS copy of graphql and our ES-module copy are different realms.
// The answers are kept per type object (each belongs to one schema): every request is costed, and
// printing and matching the same field types each time was most of the cost of costing.
const listTypes = new WeakMap<GraphQLType, boolean>();
function isList(type: GraphQLType): boolean {
  let list = listTypes.get(type);
  if (list === undefined) {
    list = /^\[.*\]!?$/.test(String(type));
    listTypes.set(type, list);
  }
  return list;
}

const fieldsTypes = new WeakMap<GraphQLType, FieldsType | null>();
function fieldsTypeOf(schema: GraphQLSchema, type: GraphQLType | string): FieldsType | null {
  if (typeof type === 'string') return namedFieldsType(schema, type);
  let fields = fieldsTypes.get(type);
  if (fields === undefined) {
    fields = namedFieldsType(schema, String(type));
    fieldsTypes.set(type, fields);
  }
  return fields;
}

function namedFieldsType(schema: GraphQLSchema, printed: string): FieldsType | null {
  const named = schema.getType(printed.replace(/[[\]!]/g, ''));
  return named && 'getFields' in named && !('parseValue' in named) ? (named as FieldsType) : null;
}

/** The integer `first` argument: literal, variable, or the field's default. */
function firstArgument(
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  variables: Record<string, unknown>,
): number | null {
  const arg = node.arguments?.find((a) => a.name.value === 'first');
  let value: unknown = field.args.find((a) => a.name === 'first')?.defaultValue;
  if (arg?.value.kind === Kind.INT) value = Number(arg.value.value);
  else if (arg?.value.kind === Kind.VARIABLE) value = variables[arg.value.name.value] ?? value;
  return typeof value === 'number' && Number.isFinite(value)
    ? Math.min(Math.max(value, 0), MAX_COSTED_PAGE)
    : null;
}

/**
 * The estimated cost of an operation: every field costs 1, and a list field multiplies the cost
 * of what is selected inside it by its size — the `first` argument of the list field or of the
 * connection field just above it (`search(first: 50) { edges { … } }`), else DEFAULT_LIST_SIZE.
 * Needs the variables (a page size is usually one), so it runs after validation.
 */
export function queryComplexity(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> = {},
): number {
  const operation = getOperationAST(document, operationName);
  if (!operation) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions)
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const kind = String(operation.operation);
  const root =
    kind === 'query'
      ? schema.getQueryType()
      : kind === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  if (!root) return 0;

  const costOf = (
    type: FieldsType,
    set: SelectionSetNode,
    pageSize: number | null,
    seen: ReadonlySet<string>,
  ): number => {
    let total = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        const field = type.getFields()[sel.name.value];
        if (!field || sel.name.value.startsWith('__')) continue;
        const first = firstArgument(field, sel, variables);
        const size = isList(field.type) ? (first ?? pageSize ?? DEFAULT_LIST_SIZE) : 1;
        const inner = fieldsTypeOf(schema, field.type);
        const childCost = sel.selectionSet && inner ? costOf(inner, sel.selectionSet, first, seen) : 0;
        total += size * (1 + childCost);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const cond = sel.typeCondition ? fieldsTypeOf(schema, sel.typeCondition.name.value) : type;
        if (cond) total += costOf(cond, sel.selectionSet, pageSize, seen);
      } else {
        const frag = fragments.get(sel.name.value);
        const cond = frag && fieldsTypeOf(schema, frag.typeCondition.name.value);
        if (frag && cond && !seen.has(frag.name.value)) {
          total += costOf(cond, frag.selectionSet, pageSize, new Set([...seen, frag.name.value]));
        }
      }
    }
    return total;
  };
  return costOf(root, operation.selectionSet, null, new Set());
}

/** Refuses operations costlier than `max` before any resolver runs. */
export function complexityLimit(max: number): ApolloServerPlugin {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation({ request, document, schema }) {
          const cost = queryComplexity(schema, document, request.operationName, request.variables ?? {});
          if (cost > max) {
            const error = new AppError(
              ErrorCode.QUERY_TOO_COMPLEX,
              `Query costs ${cost}; the maximum is ${max}. Ask for smaller pages or fewer nested lists`,
            );
            throw new GraphQLError(error.message, {
              originalError: error,
              extensions: { code: error.code, http: { status: 400 } },
            });
          }
          return Promise.resolve();
        },
      }),
  };
}
