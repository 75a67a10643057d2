import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

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

function walkSelection(info: GraphQLResolveInfo): string[] {
  const out = new Set<string>();
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode | undefined) => {
    for (const sel of set?.selections ?? []) {
      if (sel.kind === Kind.FIELD) out.add(sel.name.value);
      else if (sel.kind === Kind.INLINE_FRAGMENT) walk(sel.selectionSet);
      else if (!seen.has(sel.name.value)) {
        seen.add(sel.name.value);
        walk(info.fragments[sel.name.value]?.selectionSet);
      }
    }
  };
  for (const node of info.fieldNodes) walk(node.selectionSet);
  return [...out].sort();
}
