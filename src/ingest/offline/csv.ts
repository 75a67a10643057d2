import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import path from 'node:path';
import { DataError } from '../../errors.js';
import type { ArticleRows, GraphFold } from './fold.js';

/**
 * The files Neo4j's offline importer (`neo4j-admin database import full`) reads: one header
 * and one data file per label and relationship type. Property types are the ones the
 * driver stores for what write.ts sends: a JS number is a FLOAT (double), a count Cypher
 * computes (`size()`) an INTEGER, a time `datetime()`. Empty lists and strings are left out:
 * the importer cannot store them, and every reader treats a missing alias list as empty.
 */
export const ARRAY_DELIMITER = '\u001f';

type ColType = 'string' | 'double' | 'long' | 'boolean' | 'datetime' | 'string[]' | 'double[]';

function typeOf(v: unknown, where: string): ColType | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'double';
  if (typeof v === 'boolean') return 'boolean';
  if (Array.isArray(v)) {
    if (v.length === 0) return undefined;
    if (v.every((x) => typeof x === 'string')) return 'string[]';
    if (v.every((x) => typeof x === 'number')) return 'double[]';
  }
  throw new DataError(`${where}: a ${Array.isArray(v) ? 'mixed list' : typeof v} cannot be a stored property`);
}

function cell(v: unknown, t: ColType, where: string): string {
  if (v === undefined || v === null || (Array.isArray(v) && v.length === 0) || v === '') return '';
  if (t === 'double' || t === 'long' || t === 'boolean') return String(v);
  const text = t.endsWith('[]')
    ? (v as unknown[])
        .map((x) => {
          const s = String(x);
          if (s.includes(ARRAY_DELIMITER)) throw new DataError(`${where}: a list item holds the control character U+001F, which the import uses between items`);
          return s;
        })
        .join(ARRAY_DELIMITER)
    : String(v);
  return `"${text.replace(/"/g, '""')}"`;
}

/** A file written in 1 MB appends (fs streams would need back-pressure for no gain here). */
class Out {
  private fd: number;
  private buf: string[] = [];
  private len = 0;
  constructor(readonly file: string) {
    this.fd = openSync(file, 'w');
  }
  line(s: string) {
    this.buf.push(s, '\n');
    this.len += s.length;
    if (this.len > 1 << 19) this.flush();
  }
  flush() {
    if (this.buf.length) writeSync(this.fd, this.buf.join(''));
    this.buf = [];
    this.len = 0;
  }
  close() {
    this.flush();
    closeSync(this.fd);
  }
}

/** A file's lines, read 1 MB at a time: a corpus's articles would not fit in one string. */
function* linesOf(file: string): Generator<string> {
  const fd = openSync(file, 'r');
  const buf = Buffer.alloc(1 << 20);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf)) {
      const lines = (rest + decoder.write(buf.subarray(0, n))).split('\n');
      rest = lines.pop()!;
      yield* lines;
    }
    rest += decoder.end();
    if (rest) yield rest;
  } finally {
    closeSync(fd);
  }
}

/** Columns of a set of rows: the union of their keys, each with the type of its values. */
class Columns {
  readonly types = new Map<string, ColType>();
  see(props: Record<string, unknown>, where: string) {
    for (const [k, v] of Object.entries(props)) {
      const t = typeOf(v, `${where}.${k}`);
      if (!t) continue;
      const had = this.types.get(k);
      if (had && had !== t) throw new DataError(`${where}.${k} is a ${t} where other rows hold a ${had}`);
      this.types.set(k, t);
    }
  }
  header(lead: string[]): string {
    return [...lead, ...[...this.types].map(([k, t]) => `${k}:${t}`)].join(',');
  }
  row(lead: string[], props: Record<string, unknown>, where: string): string {
    return [...lead, ...[...this.types].map(([k, t]) => cell(props[k], t, `${where}.${k}`))].join(',');
  }
}

export interface ImportFiles {
  /** `--nodes=…` and `--relationships=…` arguments for the importer. */
  args: string[];
  counts: { nodes: number; relationships: number };
}

/**
 * Streams articles, MENTIONS and REPORTS to disk as the fold hands them on; `finish` writes
 * the folded nodes and relationships and returns the importer's arguments.
 */
export class ImportFileWriter {
  private readonly articlesJson: Out;
  private readonly mentions: Out;
  private readonly reports: Out;
  private readonly articleCols = new Columns();
  private counts = { nodes: 0, relationships: 0 };

  constructor(
    private readonly dir: string,
    private readonly ingestedAt = new Date().toISOString(),
  ) {
    // Articles' columns are known only at the end (an article may bring a property no other
    // has), so they are kept as JSON lines first; the relationships' columns are fixed.
    this.articlesJson = new Out(path.join(dir, 'articles.jsonl'));
    this.mentions = new Out(path.join(dir, 'MENTIONS.csv'));
    this.reports = new Out(path.join(dir, 'REPORTS.csv'));
  }

  readonly onArticle = (rows: ArticleRows): void => {
    const { id, props } = rows.article;
    this.articleCols.see(props, id);
    this.articlesJson.line(JSON.stringify([id, props]));
    for (const m of rows.mentions) {
      this.mentions.line([cell(id, 'string', id), cell(m.to, 'string', id), cell(m.quotes, 'string[]', id), cell(m.offsets, 'double[]', id), String(m.count), cell(m.claims, 'string', id)].join(','));
    }
    for (const r of rows.reports) {
      this.reports.line([cell(id, 'string', id), cell(r.to, 'string', id), cell(r.quote, 'string', id), String(r.offset), cell(r.claims, 'string', id)].join(','));
    }
    this.counts.nodes++;
    this.counts.relationships += rows.mentions.length + rows.reports.length;
  };

  finish(fold: GraphFold): ImportFiles {
    const args: string[] = [];
    const header = (name: string, line: string) => {
      const f = path.join(this.dir, `${name}.header.csv`);
      const o = new Out(f);
      o.line(line);
      o.close();
      return f;
    };
    this.mentions.close();
    this.reports.close();
    args.push(`--relationships=MENTIONS=${header('MENTIONS', ':START_ID,:END_ID,quotes:string[],offsets:double[],count:long,claims')},${this.mentions.file}`);
    args.push(`--relationships=REPORTS=${header('REPORTS', ':START_ID,:END_ID,quote,offset:double,claims')},${this.reports.file}`);

    this.articlesJson.close();
    this.articleCols.types.set('ingestedAt', 'datetime');
    this.articleCols.types.set('firstIngestedAt', 'datetime');
    const articles = new Out(path.join(this.dir, 'Article.csv'));
    for (const line of linesOf(this.articlesJson.file)) {
      if (!line) continue;
      const [id, props] = JSON.parse(line) as [string, Record<string, unknown>];
      articles.line(this.articleCols.row([cell(id, 'string', id)], { ...props, ingestedAt: this.ingestedAt, firstIngestedAt: this.ingestedAt }, id));
    }
    articles.close();
    rmSync(this.articlesJson.file);
    args.push(`--nodes=Article=${header('Article', this.articleCols.header(['id:ID']))},${articles.file}`);

    // Nodes: columns per label from a first pass, rows from a second (the fold holds them).
    const cols = new Map<string, Columns>();
    for (const n of fold.nodes()) {
      const c = cols.get(n.label) ?? new Columns();
      cols.set(n.label, c);
      c.see({ ...n.props, aliases: n.aliases }, n.id);
    }
    const outs = new Map<string, Out>();
    for (const [label, c] of cols) {
      if (c.types.has('aliases')) c.types.set('aliasText', 'string');
      outs.set(label, new Out(path.join(this.dir, `${label}.csv`)));
      args.push(`--nodes=${label}=${header(label, c.header(['id:ID']))},${path.join(this.dir, `${label}.csv`)}`);
    }
    for (const n of fold.nodes()) {
      // write.ts: aliasText is every alias after a space (a full-text field).
      const aliasText = n.aliases.map((a) => ` ${a}`).join('');
      outs.get(n.label)!.line(cols.get(n.label)!.row([cell(n.id, 'string', n.id)], { ...n.props, aliases: n.aliases, aliasText }, n.id));
      this.counts.nodes++;
    }
    for (const o of outs.values()) o.close();

    const relCols = new Map<string, Columns>();
    for (const r of fold.rels()) {
      const c = relCols.get(r.type) ?? new Columns();
      relCols.set(r.type, c);
      c.see({ ...r.props, source: r.source, articleIds: r.articleIds, quotes: r.quotes }, `${r.type} ${r.from}`);
    }
    const relOuts = new Map<string, Out>();
    for (const [type, c] of relCols) {
      const o = new Out(path.join(this.dir, `${type}.csv`));
      relOuts.set(type, o);
      args.push(`--relationships=${type}=${header(type, c.header([':START_ID', ':END_ID']))},${o.file}`);
    }
    for (const r of fold.rels()) {
      const where = `${r.type} ${r.from}`;
      relOuts.get(r.type)!.line(relCols.get(r.type)!.row([cell(r.from, 'string', where), cell(r.to, 'string', where)], { ...r.props, source: r.source, articleIds: r.articleIds, quotes: r.quotes }, where));
      this.counts.relationships++;
    }
    for (const o of relOuts.values()) o.close();
    return { args, counts: this.counts };
  }
}
