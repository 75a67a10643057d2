import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GraphQLInterfaceType, GraphQLObjectType, GraphQLString, Kind, parse, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import { connectionNodeFields, fieldsOfType, walkSelection } from '../src/graphql/selection.js';

/** The resolve info of the document's first root field: its field nodes and fragments, no schema. */
function infoOf(doc: string): GraphQLResolveInfo {
  const d = parse(doc);
  const op = d.definitions.find((x): x is OperationDefinitionNode => x.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    d.definitions.filter((x): x is FragmentDefinitionNode => x.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  return { fieldNodes: [op.selectionSet.selections[0] as FieldNode], fragments } as unknown as GraphQLResolveInfo;
}

test('selection: fields through inline fragments and spreads, each fragment once, sorted', () => {
  const info = infoOf('{ node(id: "x") { id ...A ... on Place { name ...A } } } fragment A on Place { level id }');
  assert.deepEqual(walkSelection(info), ['id', 'level', 'name']);
});

test('selection: fieldsOfType keeps the fragments on the type or its interfaces, groups by response key, skips directives', () => {
  const Node = new GraphQLInterfaceType({ name: 'Node', fields: { id: { type: GraphQLString } } });
  const Place = new GraphQLObjectType({ name: 'Place', interfaces: [Node], fields: { id: { type: GraphQLString }, name: { type: GraphQLString } } });
  const info = infoOf(
    '{ node(id: "x") { id ... on Node { id } ... on Person { title } ...P n: name name @include(if: false) } } fragment P on Place { name } ',
  );
  const got = fieldsOfType(info, Place);
  assert.deepEqual([...got.keys()].sort(), ['id', 'n', 'name']);
  assert.equal(got.get('id')!.length, 2);
});

test('selection: a connection reads nodes and edges.node alike; a spread of an unknown fragment makes it unreadable', () => {
  assert.deepEqual(connectionNodeFields(infoOf('{ places { totalCount nodes { name } edges { cursor node { id ...F } } } } fragment F on Place { level }')), ['id', 'level', 'name']);
  assert.equal(connectionNodeFields(infoOf('{ places { ...Missing } }')), undefined);
});
