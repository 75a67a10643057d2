import { getNamedType, isObjectType, Kind, type FieldNode, type GraphQLObjectType, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * The field names a query selects directly on the value of the field being resolved, through
 * inline fragments and fragment spreads (of any type: a union's members share the row). Sorted
 * and deduplicated, so that the same selection is the same loader key.
 */
const memo = new WeakMap<readonly FieldNode[], string[]>();

/**
 * graphql-js hands every item of a list the same `fieldNodes` array for a field, so the walk is
 * done once per field and request, not once per parent row.
 */
export function selectedFields(info: GraphQLResolveInfo): string[] {
  let fields = memo.get(info.fieldNodes);
  if (!fields) memo.set(info.fieldNodes, (fields = walkSelection(info)));
  return fields;
}

/**
 * The one walk under every reader here: each field a selection set reaches, through inline
 * fragments and fragment spreads (each named fragment once). `applies` filters type conditions
 * (absent: every type); `directives: 'skip'` leaves out what carries a directive (it may not be
 * resolved at all); `missing` hears of a spread whose fragment the document lacks.
 */
function eachField(
  sets: ReadonlyArray<SelectionSetNode | undefined>,
  fragments: GraphQLResolveInfo['fragments'],
  visit: (field: FieldNode) => void,
  opts: { applies?: (typeName: string) => boolean; directives?: 'skip'; missing?: () => void } = {},
): void {
  const seen = new Set<string>();
  const applies = (name: string | undefined) => name === undefined || !opts.applies || opts.applies(name);
  const walk = (set: SelectionSetNode | undefined) => {
    for (const sel of set?.selections ?? []) {
      if (opts.directives === 'skip' && sel.directives?.length) continue;
      if (sel.kind === Kind.FIELD) visit(sel);
      else if (sel.kind === Kind.INLINE_FRAGMENT) {
        if (applies(sel.typeCondition?.name.value)) walk(sel.selectionSet);
      } else if (!seen.has(sel.name.value)) {
        seen.add(sel.name.value);
        const frag = fragments[sel.name.value];
        if (!frag) opts.missing?.();
        else if (applies(frag.typeCondition.name.value)) walk(frag.selectionSet);
      }
    }
  };
  for (const set of sets) walk(set);
}

export function walkSelection(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): string[] {
  const out = new Set<string>();
  eachField(info.fieldNodes.map((n) => n.selectionSet), info.fragments, (f) => out.add(f.name.value));
  return [...out].sort();
}

/** A field asked of every node of a page, and the fields selected on its value. */
export interface FieldAhead {
  /** The node type (Initiative) and the field (places). */
  type: string;
  field: string;
  /** selectedFields() of the field when graphql-js resolves it (the loader key). */
  fields: string[];
}

/**
 * The plain fields a connection's query asks of each node (`nodes { places { name } }` or
 * `edges { node { … } }`): those without arguments or directives, one entry per response key.
 * Anything less plain on the way (fragments, several `nodes`) gives none: the fields are then
 * resolved level by level as usual.
 */
export function pageFieldsAhead(info: GraphQLResolveInfo): FieldAhead[] {
  const connection = getNamedType(info.returnType);
  if (!isObjectType(connection)) return [];
  const nodeType = getNamedType(connection.getFields().nodes?.type);
  if (!isObjectType(nodeType) || info.fieldNodes.length !== 1) return [];
  const plainFields = (set: SelectionSetNode | undefined): FieldNode[] | undefined =>
    set?.selections.every((s) => s.kind === Kind.FIELD) ? (set.selections as FieldNode[]) : undefined;
  const top = plainFields(info.fieldNodes[0]!.selectionSet);
  if (!top) return [];
  const lists = top.flatMap((f) => {
    if (f.name.value === 'nodes') return [f];
    if (f.name.value === 'edges') return plainFields(f.selectionSet)?.filter((g) => g.name.value === 'node') ?? [f];
    return [];
  });
  if (lists.length !== 1 || lists[0]!.name.value === 'edges' || lists[0]!.directives?.length) return [];
  const children = plainFields(lists[0]!.selectionSet);
  if (!children) return [];
  const byKey = new Map<string, FieldNode[]>();
  for (const c of children) byKey.set(c.alias?.value ?? c.name.value, [...(byKey.get(c.alias?.value ?? c.name.value) ?? []), c]);
  const out: FieldAhead[] = [];
  for (const nodes of byKey.values()) {
    if (nodes.some((n) => n.arguments?.length || n.directives?.length || !n.selectionSet)) continue;
    out.push({ type: nodeType.name, field: nodes[0]!.name.value, fields: walkSelection({ fieldNodes: nodes, fragments: info.fragments }) });
  }
  return out;
}

/**
 * The fields a query asks of the value of a field that returns `type` (node(id) → Place): the
 * field nodes under each response key, through fragments on that type or on an interface it
 * implements — as graphql-js will group them when it resolves the value. Fields with directives
 * are left out (they may not be resolved at all).
 */
export function fieldsOfType(info: GraphQLResolveInfo, type: GraphQLObjectType): Map<string, FieldNode[]> {
  const applies = new Set([type.name, ...type.getInterfaces().map((i) => i.name)]);
  const out = new Map<string, FieldNode[]>();
  eachField(
    info.fieldNodes.map((n) => n.selectionSet),
    info.fragments,
    (sel) => {
      const key = sel.alias?.value ?? sel.name.value;
      out.set(key, [...(out.get(key) ?? []), sel]);
    },
    { applies: (name) => applies.has(name), directives: 'skip' },
  );
  return out;
}

/**
 * What a connection's query selects of each node (`nodes { … }` and `edges { node { … } }`,
 * through fragments), for a page that returns only those properties; undefined when the
 * selection cannot be read that way (the page then returns whole rows).
 */
export function connectionNodeFields(info: GraphQLResolveInfo): string[] | undefined {
  const nodeFields: FieldNode[] = [];
  let readable = true;
  const missing = () => (readable = false);
  eachField(
    info.fieldNodes.map((n) => n.selectionSet),
    info.fragments,
    (sel) => {
      if (sel.name.value === 'nodes') nodeFields.push(sel);
      else if (sel.name.value === 'edges') eachField([sel.selectionSet], info.fragments, (e) => e.name.value === 'node' && nodeFields.push(e), { missing });
    },
    { missing },
  );
  return readable ? walkSelection({ fieldNodes: nodeFields, fragments: info.fragments }) : undefined;
}
