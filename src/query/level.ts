import Cypher from '@neo4j/cypher-builder';
import type { Db, Params, Row } from '../db/gateway.js';
import { compiledOnce } from './cypher.js';

/**
 * One read statement per request level. GraphQL resolves a query level by level; on each level
 * every relationship field is its own DataLoader (neighbours.ts), so a node with five kinds of
 * neighbour used to cost five statements, each with its own transaction and round-trip. The
 * loaders of one level hand their reads to a LevelReader instead, which waits until the level
 * has been walked (setImmediate runs after DataLoader's own nextTick dispatch) and sends them as
 * one statement: the branches of a `UNION ALL`, each tagged with its number.
 *
 * A part is a clause built with @neo4j/cypher-builder and returns its rows as `id` and `items`
 * (a list): neighbour lists, nodes by id and article texts all fit that shape.
 */
export interface ReadPart {
  /**
   * What the part's Cypher depends on (its field, order, selected properties), not its values:
   * parts of the same shapes compile to the same statement, which is built once and cached.
   */
  shape: string;
  /** The part's parameter values; the first is the parents' ids. */
  values: readonly unknown[];
  /**
   * The part's clauses for the parents in `ids` (a parameter, or `[pid]` when the ids come
   * from the same statement: pageWithLevel), leaving bound `id` (a parent's id) and `items`
   * (a list); `param(i)` stands for `values[i]`. The builder names every variable and
   * parameter, so two parts of one statement never share one.
   */
  read(ids: Cypher.Expr, param: (i: number) => Cypher.Expr): { clause: Cypher.Clause; id: Cypher.Variable; items: Cypher.Expr };
  /**
   * The same read from a parent node the statement has already bound (a page's `n`), with no
   * lookup by id: clauses that leave `items` bound, one row. Parts without it are read by id.
   */
  readFrom?(parent: Cypher.Node, param: (i: number) => Cypher.Expr): { clause: Cypher.Clause; items: Cypher.Expr };
}

/**
 * Compiling with the builder costs ~30 µs a part, as much as the rest of a small request: a
 * statement is built once per combination of shapes, with placeholder parameters whose names
 * are then mapped back to (part, value) slots. Bounded; shapes are few (fields × orders).
 */
type Compiled = { cypher: string; slots: Array<[name: string, part: number, value: number]> };
const cached = compiledOnce<Compiled>();

function compileOnce(key: string, build: (param: (part: number, value: number) => Cypher.Param) => Cypher.Clause): Compiled {
  return cached(key, () => {
    const placeholders: Array<{ slot: [number, number] }> = [];
    const result = build((part, value) => {
      const marker = { slot: [part, value] as [number, number] };
      placeholders.push(marker);
      return new Cypher.Param(marker);
    }).build();
    return {
      cypher: result.cypher,
      slots: Object.entries(result.params).flatMap(([name, v]) => {
        const marker = placeholders.find((p) => p === v);
        return marker ? [[name, ...marker.slot] as [string, number, number]] : [];
      }),
    };
  });
}

function paramsOf(c: Compiled, parts: ReadPart[]): Params {
  const params: Params = {};
  for (const [name, part, value] of c.slots) params[name] = parts[part]!.values[value];
  return params;
}

/** The statement for some parts: the branches of a UNION ALL, each tagged q. Pure: snapshot-tested. */
export function combineParts(parts: ReadPart[]): { cypher: string; params: Params } {
  const c = compileOnce(`combine\u0000${parts.map((p) => p.shape).join('\u0000')}`, (param) => {
    const branch = (part: ReadPart, i: number) => {
      const { clause, id, items } = part.read(param(i, 0), (v) => param(i, v));
      return Cypher.utils.concat(clause, new Cypher.Return([new Cypher.Literal(i), 'q'], [id, 'id'], [items, 'items']));
    };
    if (parts.length === 1) return branch(parts[0]!, 0);
    const columns = ['q', 'id', 'items'].map((v) => new Cypher.NamedVariable(v));
    return Cypher.utils.concat(new Cypher.Call(new Cypher.Union(...parts.map(branch)).all()), new Cypher.Return(...columns));
  });
  return { cypher: c.cypher, params: paramsOf(c, parts) };
}

/**
 * A page of a list and the first level below it in one statement: for each node `n` of the
 * page (`page`, Cypher that leaves `n` and `k`), each part reads its neighbours in a subquery
 * (`f0`, `f1`, …: [{id, items}], or [] when it has none). One row per node, in the page's order
 * (`order`, said again after the subqueries); small rows, as Bolt decodes a record that spans
 * many chunks slowly. Pure: snapshot-tested.
 */
export function pageWithLevel(page: string, pageParams: Params, parts: ReadPart[], projection: string, order: string): { cypher: string; params: Params } {
  const key = ['level', page, projection, order, ...parts.map((p) => p.shape)].join('\u0000');
  const c = compileOnce(key, (param) => {
    const n = new Cypher.NamedNode('n');
    const fs = parts.map((_, i) => new Cypher.NamedVariable(`f${i}`));
    const calls = parts.map((part, i) => {
      if (part.readFrom) {
        // From the page's node itself: no second lookup of each node by its id.
        const { clause, items } = part.readFrom(n, (v) => param(i, v));
        const row = new Cypher.List([new Cypher.Map({ id: n.property('id'), items })]);
        return new Cypher.Call(Cypher.utils.concat(clause, new Cypher.Return([row, fs[i]!])), [n]);
      }
      const pid = new Cypher.Variable();
      const { clause, id, items } = part.read(new Cypher.List([pid]), (v) => param(i, v));
      const perNode = Cypher.utils.concat(new Cypher.With([n.property('id'), pid]), clause, new Cypher.Return([Cypher.collect(new Cypher.Map({ id, items })), fs[i]!]));
      return new Cypher.Call(perNode, [n]);
    });
    // The page and its projection come from list.ts as Cypher text (no user string in either).
    const columns = ['n', 'k', ...fs.map((_, i) => `f${i}`)].join(', ');
    return Cypher.utils.concat(
      new Cypher.Raw(page),
      ...calls,
      new Cypher.Raw(`WITH ${columns} ORDER BY ${order}\nRETURN ${projection} AS props, head(labels(n)) AS label, ${columns.slice('n, '.length)}`),
    );
  });
  return { cypher: c.cypher, params: { ...pageParams, ...paramsOf(c, parts) } };
}

/** A neighbour field read with the page it hangs from: its part (ids left to the page), and
 * what to do with its rows (prime the field's loader, so the next level reads nothing). */
export interface LevelAhead {
  part: ReadPart;
  prime(ids: readonly string[], rows: Row[]): void;
}

export class LevelReader {
  private pending: Array<{ part: ReadPart; resolve: (rows: Row[]) => void; reject: (e: unknown) => void }> = [];

  constructor(private db: Db) {}

  /** Rows (`id`, `items`) of this part, read with the other parts of the same level. */
  read(part: ReadPart): Promise<Row[]> {
    return new Promise((resolve, reject) => {
      if (this.pending.length === 0) setImmediate(() => void this.flush());
      this.pending.push({ part, resolve, reject });
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    const { cypher, params } = combineParts(batch.map((b) => b.part));
    try {
      const rows = await this.db.read(cypher, params);
      const byPart: Row[][] = batch.map(() => []);
      for (const row of rows) byPart[Number(row.q)]!.push(row);
      batch.forEach((b, i) => b.resolve(byPart[i]!));
    } catch (e) {
      for (const b of batch) b.reject(e);
    }
  }
}
