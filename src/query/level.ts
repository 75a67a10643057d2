import type { Db, Params, Row } from '../db/gateway.js';

/**
 * One read statement per request level. GraphQL resolves a query level by level; on each level
 * every relationship field is its own DataLoader (neighbours.ts), so a node with five kinds of
 * neighbour used to cost five statements, each with its own transaction and round-trip. The
 * loaders of one level hand their reads to a LevelReader instead, which waits until the level
 * has been walked (setImmediate runs after DataLoader's own nextTick dispatch) and sends them as
 * one statement: the branches of a `UNION ALL`, each tagged with its number.
 *
 * A part is written against parameter names given by `p`, so that two parts of one statement
 * never share a parameter, and returns its rows as `id` and `items` (a list): neighbour lists,
 * nodes by id and article texts all fit that shape.
 */
export interface ReadPart {
  /**
   * Everything before the RETURN; `p('ids')` is how the part refers to its parameter `ids`
   * (`$p0_ids`, or a variable when ids come from the same statement: pageWithLevel).
   */
  body: (p: (name: string) => string) => string;
  /** The expression returned as `items` (in the scope `body` leaves). */
  items: string;
  /** Parameters under their plain names (`ids`, `limit`). */
  params: Params;
}

/** The statement for some parts, with the parameters renamed per part. Pure: snapshot-tested. */
export function combineParts(parts: ReadPart[]): { cypher: string; params: Params } {
  if (parts.length === 1) {
    const [part] = parts as [ReadPart];
    return { cypher: `${part.body((n) => `$${n}`)}\nRETURN 0 AS q, id, ${part.items} AS items`, params: part.params };
  }
  const params: Params = {};
  const branches = parts.map((part, i) => {
    for (const [k, v] of Object.entries(part.params)) params[`p${i}_${k}`] = v;
    return `${part.body((n) => `$p${i}_${n}`)}\nRETURN ${i} AS q, id, ${part.items} AS items`;
  });
  return { cypher: `CALL {\n${branches.join('\nUNION ALL\n')}\n}\nRETURN q, id, items`, params };
}

/**
 * A page of a list and the first level below it in one statement: for each node `n` of the
 * page (`page`, Cypher that leaves `n` and `k`), each part reads its neighbours in a subquery
 * (`f0`, `f1`, …: [{id, items}], or [] when it has none). One row per node, in the page's order
 * (`order`, said again after the subqueries); small rows, as Bolt decodes a record that spans
 * many chunks slowly. Parts keep their own parameters but `ids`. Pure: snapshot-tested.
 */
export function pageWithLevel(page: string, pageParams: Params, parts: ReadPart[], projection: string, order: string): { cypher: string; params: Params } {
  const params: Params = { ...pageParams };
  const calls = parts.map((part, i) => {
    for (const [k, v] of Object.entries(part.params)) if (k !== 'ids') params[`f${i}_${k}`] = v;
    const body = part.body((name) => (name === 'ids' ? '[pid]' : `$f${i}_${name}`));
    return `CALL {\n  WITH n\n  WITH n.id AS pid\n  ${body.split('\n').join('\n  ')}\n  RETURN collect({id: id, items: ${part.items}}) AS f${i}\n}`;
  });
  return {
    cypher: `${page}
${calls.join('\n')}
WITH n, k${parts.map((_, i) => `, f${i}`).join('')} ORDER BY ${order}
RETURN ${projection} AS props, head(labels(n)) AS label, k${parts.map((_, i) => `, f${i}`).join('')}`,
    params,
  };
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
