import Cypher from '@neo4j/cypher-builder';

/** Small pieces every builder-made statement of the query layer shares. */

/** A value, or '' when it is missing (keys that sort and text that is searched as strings). */
export const orEmpty = (e: Cypher.Expr) => Cypher.coalesce(e, new Cypher.Literal(''));

/** An expression as Cypher text (for the parts of a statement still spliced as text). */
export function expressionText(e: Cypher.Expr): string {
  return new Cypher.Return(e).build().cypher.replace(/^RETURN /, '');
}

/**
 * Compiling with the builder costs tens of µs, as much as the rest of a small request, and a
 * statement depends only on its shape: each shape is built once. Bounded (shapes are few:
 * labels × filters set × orders × selected fields), cleared when full.
 */
export function compiledOnce<T>(max = 1000): (key: string, build: () => T) => T {
  const cache = new Map<string, T>();
  return (key, build) => {
    let c = cache.get(key);
    if (c === undefined) {
      if (cache.size >= max) cache.clear();
      cache.set(key, (c = build()));
    }
    return c;
  };
}
