import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import graphology from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { openTestGraph, type TestGraph } from './helpers.js';

let g: TestGraph;
before(async () => {
  g = await openTestGraph();
});
after(async () => g.close());

const VIEW = `nodes { id entityId type label properties } edges { id entityId source target sourceEntityId targetEntityId type properties } truncated`;
const mentorsOf = (v: any) => v.edges.filter((e: any) => e.type === 'MENTORS');

async function http(path: string) {
  // Through the real request handler, on an ephemeral port.
  const server = g.app.server;
  if (!server.listening) await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return fetch(`http://127.0.0.1:${port}${path}`);
}
after(() => g.app.server.close());

/** What the whole-graph export must hold: every node but the reified mentorships, and every
 * relationship but those of mentorships, which become one MENTORS edge each. */
async function expectedWhole() {
  const nodes = await g.count('MATCH (n) WHERE NOT n:Mentorship RETURN count(n)');
  const rels = await g.count('MATCH ()-[r]->() RETURN count(r)');
  const ofMentorships = await g.count('MATCH (m:Mentorship)-[r]-() RETURN count(r)');
  const mentorships = await g.count('MATCH (m:Mentorship) RETURN count(m)');
  return { nodes, edges: rels - ofMentorships + mentorships };
}

describe('graph and path queries', () => {
  test('the neighbourhood of 孝昌县 shows mentorships as MENTORS edges and no Mentorship nodes', async () => {
    const r = await g.gql(`{ graph(focus: ["place:420921"], depth: 1) { ${VIEW} } }`);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const v = r.data.graph;
    const labels = v.nodes.map((n: any) => n.label);
    for (const l of ['孝昌县', '孝感市', '白沙镇', '雁雏共翔计划']) assert.ok(labels.includes(l), l);
    assert.ok(!v.nodes.some((n: any) => n.type === 'Mentorship' || n.type === 'Article'));
    const byId = new Map(v.nodes.map((n: any) => [n.id, n]));
    // Elements have ids of their own and point at the entities they show.
    assert.ok(v.nodes.every((n: any) => n.id === `viewnode:${n.entityId}`));
    assert.ok(v.nodes.some((n: any) => n.entityId === 'place:420921'));
    assert.ok(mentorsOf(v).every((e: any) => e.entityId.startsWith('mentorship:') && e.id === `viewedge:${e.entityId}`));
    assert.ok(v.edges.every((e: any) => !/^viewedge:\d|:\d+:\d+$/.test(e.id)), 'no Neo4j element ids');
    const mentors = v.edges.filter((e: any) => e.type === 'MENTORS');
    assert.ok(mentors.length >= 2);
    const cohortEdge = mentors.find((e: any) => (byId.get(e.source) as any)?.properties.size === 38);
    assert.equal((byId.get(cohortEdge.target) as any).properties.size, 74);
    assert.match(cohortEdge.properties.initiative, /雁雏共翔计划/);
    assert.ok(cohortEdge.properties.quotes[0].includes('38名县领导'));
    for (const e of v.edges) assert.ok(byId.has(e.source) && byId.has(e.target), `dangling edge ${e.id}`);
    assert.equal(v.truncated, false);
  });

  test('a whole place is a graph call away: depth 2 reaches the people of its townships', async () => {
    const r = await g.gql(`{ graph(focus: ["place:420921"], depth: 2, limit: 500) { nodes { label type } } }`);
    const labels = r.data.graph.nodes.map((n: any) => n.label);
    assert.ok(labels.includes('鲁义民') && labels.includes('汪颖'));
    assert.ok(!labels.includes('刘拥兵'), 'nothing from 望城');
  });

  test('the view is capped at limit and says so; types narrow it', async () => {
    const r = await g.gql(`{ graph(focus: ["place:420921"], depth: 2, limit: 5) { nodes { id } truncated } }`);
    assert.equal(r.data.graph.nodes.length, 5);
    assert.equal(r.data.graph.truncated, true);
    const t = await g.gql(`{ graph(focus: ["place:420921"], depth: 1, types: ["Place"]) { nodes { type } } }`);
    assert.ok(t.data.graph.nodes.every((n: any) => n.type === 'Place'));
  });

  test('path finds a shortest path, or null', async () => {
    const person = (await g.driver.executeQuery(`MATCH (p:Person {name: '鲁义民'}) RETURN p.id AS id`)).records[0]!.get('id');
    const r = await g.gql(`query($from: ID!) { path(from: $from, to: "place:42") { ${VIEW} } }`, { from: person });
    const ids = r.data.path.nodes.map((n: any) => n.entityId);
    assert.equal(ids[0], person);
    assert.equal(ids.at(-1), 'place:42');
    assert.ok(ids.length <= 7);
    // One relationship per hop, each joining the two nodes of its hop (either direction).
    const edges = r.data.path.edges as Array<{ sourceEntityId: string; targetEntityId: string }>;
    assert.equal(edges.length, ids.length - 1);
    edges.forEach((e, i) => assert.deepEqual([e.sourceEntityId, e.targetEntityId].sort(), [ids[i], ids[i + 1]].sort()));
    const direct = await g.gql(`{ path(from: "place:420921", to: "place:4209") { ${VIEW} } }`);
    assert.deepEqual(direct.data.path.nodes.map((n: any) => n.entityId), ['place:420921', 'place:4209']);
    assert.equal(direct.data.path.edges[0].type, 'PART_OF');
    assert.equal(direct.data.path.edges[0].sourceEntityId, 'place:420921');
    const none = await g.gql(`query($from: ID!) { path(from: $from, to: "place:43", maxHops: 2) { nodes { id } } }`, { from: person });
    assert.equal(none.data.path, null);
  });

  test('bad arguments are refused clearly', async () => {
    const deep = await g.gql(`{ graph(focus: ["place:420921"], depth: 9) { truncated } }`);
    assert.match(deep.errors[0].message, /"depth" must be 0 to 4/);
    const types = await g.gql(`{ graph(focus: ["place:420921"], types: ["Bogus"]) { truncated } }`);
    assert.match(types.errors[0].message, /"types" has an unknown node type/);
    const path = await g.gql(`{ path(from: "nope", to: "place:42") { truncated } }`);
    assert.match(path.errors[0].message, /"from" is not a node id/);
    assert.equal(path.errors[0].extensions.code, 'BAD_USER_INPUT');
  });
});

describe('exports', () => {
  test('GEXF of the whole graph parses with graphology and matches Neo4j', async () => {
    const res = await http('/export/graph.gexf');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type')!, /application\/gexf\+xml/);
    assert.match(res.headers.get('content-disposition')!, /attachment; filename="cadre-graph.gexf"/);
    const graph = parseGexf(graphology.MultiDirectedGraph, await res.text());
    const want = await expectedWhole();
    assert.equal(graph.order, want.nodes);
    assert.equal(graph.size, want.edges);
    assert.equal(graph.getNodeAttribute('place:420921', 'label'), '孝昌县');
  });

  test('GraphML of the whole graph parses with graphology and matches Neo4j', async () => {
    const res = await http('/export/graph.graphml');
    assert.match(res.headers.get('content-type')!, /application\/graphml\+xml/);
    const graph = parseGraphml(graphology.MultiDirectedGraph, await res.text());
    const want = await expectedWhole();
    assert.equal(graph.order, want.nodes);
    assert.equal(graph.size, want.edges);
    assert.equal(graph.getNodeAttribute('place:431181110', 'label'), '羊角塘镇');
    assert.equal(graph.getNodeAttribute('place:431181110', 'type'), 'Place');
  });

  test('Cytoscape JSON of a neighbourhood matches the graph query', async () => {
    const res = await http('/export/graph.json?focus=place:420921&depth=1');
    assert.match(res.headers.get('content-type')!, /application\/json/);
    const body = await res.json();
    const q = await g.gql(`{ graph(focus: ["place:420921"], depth: 1, limit: 2000) { nodes { id } edges { id } } }`);
    assert.equal(body.elements.nodes.length, q.data.graph.nodes.length);
    assert.equal(body.elements.edges.length, q.data.graph.edges.length);
    assert.ok(body.elements.edges.some((e: any) => e.data.type === 'MENTORS'));
    assert.ok(body.elements.nodes.every((n: any) => n.data.id && n.data.label && n.data.type));
  });

  test('an export leaves out the nodes a view hides, and the edges that touch them', async () => {
    const full = await (await http('/export/graph.json?focus=place:420921&depth=1')).json();
    const hidden = full.elements.nodes.find((n: any) => n.data.label === '雁雏共翔计划').data;
    const res = await http(`/export/graph.json?focus=place:420921&depth=1&hide=${encodeURIComponent(hidden.id)}`);
    assert.equal(res.status, 200);
    const body = await res.json();
    assert.equal(body.elements.nodes.length, full.elements.nodes.length - 1);
    assert.ok(!body.elements.nodes.some((n: any) => n.data.id === hidden.id));
    assert.ok(!body.elements.edges.some((e: any) => e.data.source === hidden.id || e.data.target === hidden.id));
    assert.ok(body.elements.edges.length < full.elements.edges.length);
    const bad = await http('/export/graph.gexf?focus=place:420921&hide=nonsense');
    assert.equal(bad.status, 400);
    assert.match((await bad.json()).error, /hide/);
  });

  test('bad export parameters get a 400 with the reason', async () => {
    const res = await http('/export/graph.gexf?focus=place:420921&depth=abc');
    assert.equal(res.status, 400);
    assert.match((await res.json()).error, /depth/);
    const types = await http('/export/graph.graphml?types=Nope');
    assert.equal(types.status, 400);
  });
});
