import {
  getNamedType,
  GraphQLNonNull,
  getNullableType,
  isAbstractType,
  isListType,
  isObjectType,
  Kind,
  valueFromAST,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * The price of a query is the number of objects it can return (GitHub's model): a list
 * multiplies everything below it by its size, with the size taken from the slicing argument
 * (`first`, `limit`, variables included) or from the bound the schema declares for an unpaged
 * list (`@listSize(assumedSize:)`, which the resolvers enforce). Large scalars cost their
 * declared `@cost(weight:)` (Article.text). Introspection is priced like any other list (an
 * undeclared list of objects counts a default page), so aliased or deeply nested introspection
 * cannot slip past; it can also be switched off in production.
 */
export interface CostOptions {
  /** Page size of a sliced list when the client gives none. */
  defaultPageSize: number;
  /** `first`/`last` above this are clamped by the resolvers, so they are priced at it. */
  maxPageSize: number;
}

interface ListSize {
  assumedSize?: number;
  slicingArguments: string[];
  sizedFields: string[];
}

function directiveArgs(field: GraphQLField<unknown, unknown>, name: string): Record<string, unknown> | undefined {
  const d = field.astNode?.directives?.find((x) => x.name.value === name);
  if (!d) return undefined;
  return Object.fromEntries((d.arguments ?? []).map((a) => [a.name.value, literal(a.value)]));
}

/** Directive arguments in our SDL are literals: ints and lists of strings. */
function literal(v: import('graphql').ValueNode): unknown {
  if (v.kind === Kind.INT) return Number(v.value);
  if (v.kind === Kind.STRING) return v.value;
  if (v.kind === Kind.LIST) return v.values.map(literal);
  return undefined;
}

/** The declared bound of a field, or the convention: a `first` argument slices `nodes`/`edges`. */
export function listSizeOf(field: GraphQLField<unknown, unknown>): ListSize | undefined {
  const d = directiveArgs(field, 'listSize');
  if (d) {
    return {
      assumedSize: typeof d.assumedSize === 'number' ? d.assumedSize : undefined,
      slicingArguments: (d.slicingArguments as string[] | undefined) ?? [],
      sizedFields: (d.sizedFields as string[] | undefined) ?? ['nodes', 'edges'],
    };
  }
  if (field.args.some((a) => a.name === 'first')) return { slicingArguments: ['first', 'last'], sizedFields: ['nodes', 'edges'] };
  return undefined;
}

export function weightOf(field: GraphQLField<unknown, unknown>): number {
  const w = directiveArgs(field, 'cost')?.weight;
  return typeof w === 'number' ? w : 0;
}

export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  opts: CostOptions,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation: OperationDefinitionNode | undefined;
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    else if (def.kind === Kind.OPERATION_DEFINITION && (!operationName || def.name?.value === operationName)) operation ??= def;
  }
  if (!operation) return 0;
  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  if (!root) return 0;

  const sizeOf = (field: GraphQLField<unknown, unknown>, node: FieldNode, spec: ListSize): number => {
    for (const name of spec.slicingArguments) {
      const def = field.args.find((a) => a.name === name);
      const given = node.arguments?.find((a) => a.name.value === name);
      let v: unknown = given && def ? valueFromAST(given.value, def.type, variables ?? {}) : undefined;
      if ((v === undefined || v === null) && def?.defaultValue !== undefined) v = def.defaultValue;
      // A bounded list (`first: Int = 50` under @listSize(assumedSize: 50)) returns at most its bound.
      const cap = spec.assumedSize ?? (name === 'first' || name === 'last' ? opts.maxPageSize : Infinity);
      if (typeof v === 'number' && Number.isFinite(v)) return Math.max(0, Math.min(v, cap));
    }
    return spec.assumedSize ?? opts.defaultPageSize;
  };

  /** Possible object types of a selection on `type` (an abstract type is priced at its dearest). */
  const cost = (set: SelectionSetNode, type: GraphQLNamedType, sized: { fields: string[]; n: number } | undefined): number => {
    if (isAbstractType(type)) {
      let max = 0;
      for (const t of schema.getPossibleTypes(type)) max = Math.max(max, cost(set, t, sized));
      return max;
    }
    if (!isObjectType(type)) return 0;
    return selectionCost(set, type, sized);
  };

  const selectionCost = (set: SelectionSetNode, type: GraphQLObjectType, sized: { fields: string[]; n: number } | undefined, seen = new Set<string>()): number => {
    let total = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        const on = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : type;
        if (on === type || (on && isAbstractType(on) && schema.isSubType(on, type))) total += selectionCost(sel.selectionSet, type, sized, seen);
        continue;
      }
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const frag = fragments.get(sel.name.value);
        if (!frag || seen.has(frag.name.value)) continue;
        const on = schema.getType(frag.typeCondition.name.value);
        if (on === type || (on && isAbstractType(on) && schema.isSubType(on, type))) {
          total += selectionCost(frag.selectionSet, type, sized, new Set([...seen, frag.name.value]));
        }
        continue;
      }
      if (sel.name.value === '__typename') continue;
      // Introspection is priced like any other query: a circular one (types → fields → type →
      // fields …) multiplies as fast as our own lists.
      const field =
        sel.name.value === '__schema' || sel.name.value === '__type' ? introspectionField(sel.name.value) : type.getFields()[sel.name.value];
      if (!field) continue;
      const named = getNamedType(field.type);
      const list = isListType(getNullableType(field.type));
      const spec = listSizeOf(field as GraphQLField<unknown, unknown>);
      let n = 1;
      let childSized: { fields: string[]; n: number } | undefined;
      if (sized?.fields.includes(field.name) && list) n = sized.n;
      else if (spec && list) n = sizeOf(field as never, sel, spec);
      else if (spec) childSized = { fields: spec.sizedFields, n: sizeOf(field as never, sel, spec) };
      else if (list && sel.selectionSet) n = opts.defaultPageSize; // an undeclared list of objects (introspection)
      if (!sel.selectionSet) {
        total += n * weightOf(field as never);
        continue;
      }
      total += n * (1 + cost(sel.selectionSet, named, childSized));
    }
    return total;
  };

  return selectionCost(operation.selectionSet, root, undefined);

  function introspectionField(name: '__schema' | '__type') {
    const t = schema.getType(name === '__schema' ? '__Schema' : '__Type') as GraphQLObjectType;
    return { name, type: name === '__schema' ? new GraphQLNonNull(t) : t, args: [], astNode: undefined } as unknown as GraphQLField<unknown, unknown>;
  }
}
