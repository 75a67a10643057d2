import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Reads the language data of `data/`: plain text files a linguist can extend without reading
 * TypeScript. `#` starts a comment; words are separated by white space or new lines.
 */
const DATA = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');
const cache = new Map<string, unknown>();

function lines(file: string): string[] {
  return readFileSync(path.join(DATA, file), 'utf8')
    .split('\n')
    .map((l) => l.replace(/(^|\s)#.*$/, '').trim())
    .filter(Boolean);
}

function memo<T>(key: string, make: () => T): T {
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key) as T;
}

/** A word list, longest words first (so alternations try them first). */
export function wordList(file: string): string[] {
  return memo(`w:${file}`, () => [...new Set(lines(file).flatMap((l) => l.split(/\s+/)))].sort((a, b) => b.length - a.length));
}

export function wordSet(file: string): Set<string> {
  return memo(`s:${file}`, () => new Set(wordList(file)));
}

/** Tab-separated `word<TAB>value` lines, longest word first. */
export function wordMap(file: string): Array<[string, string]> {
  return memo(`m:${file}`, () =>
    lines(file)
      .map((l) => l.split('\t') as [string, string])
      .sort((a, b) => b[0].length - a[0].length),
  );
}

/** Tab-separated `key<TAB>value` lines in file order (for rules tried in order). */
export function orderedPairs(file: string): Array<[string, string]> {
  return memo(`o:${file}`, () => lines(file).map((l) => l.split('\t') as [string, string]));
}

/** One regular expression per line. */
export function patternList(file: string): RegExp[] {
  return memo(`p:${file}`, () => lines(file).map((l) => new RegExp(l, 'u')));
}

/** `a|b|c` for use inside a regular expression (the words are plain Han text). */
export function alternation(file: string): string {
  return memo(`a:${file}`, () => wordList(file).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
}

/** JSON data (frames). */
export function jsonData<T>(file: string): T {
  return memo(`j:${file}`, () => JSON.parse(readFileSync(path.join(DATA, file), 'utf8')) as T);
}
