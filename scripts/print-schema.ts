/**
 * Prints what client tools read, from the schema the server serves (schema/*.graphql merged,
 * directives kept):
 *   schema.graphql               the whole schema in one file (Relay, codegen, linters, IDEs)
 *   clients/possible-types.json  Apollo Client's possibleTypes for every interface and union
 *                                (GraphQL Code Generator's fragment-matcher)
 *
 *   npm run schema:print            write both
 *   npm run schema:print -- --check exit 1 when either is not current (CI runs this)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { lexicographicSortSchema } from 'graphql';
import { buildSchema } from '../src/graphql/schema.js';

const SCHEMA = new URL('../schema.graphql', import.meta.url);
const POSSIBLE = new URL('../clients/possible-types.json', import.meta.url);
const HEADER = '# Generated from schema/*.graphql by `npm run schema:print`: do not edit by hand.\n\n';

export function printedSchema(): string {
  return `${HEADER}${printSchemaWithDirectives(lexicographicSortSchema(buildSchema()))}\n`;
}

async function possibleTypes(sdl: string): Promise<string> {
  const [out] = await generate(
    { schema: sdl, generates: { 'possible-types.json': { plugins: ['fragment-matcher'], config: { apolloClientVersion: 3 } } }, silent: true },
    false,
  );
  return `${out!.content.trim()}\n`;
}

async function main() {
  const sdl = printedSchema();
  const files: Array<[URL, string]> = [
    [SCHEMA, sdl],
    [POSSIBLE, await possibleTypes(sdl)],
  ];
  if (process.argv.includes('--check')) {
    const stale = files.filter(([f, text]) => !existsSync(f) || readFileSync(f, 'utf8') !== text);
    for (const [f] of stale) console.error(`${f.pathname.split('/').slice(-2).join('/')} is not current: run \`npm run schema:print\` and commit it`);
    if (stale.length) process.exit(1);
    console.log('schema.graphql and clients/possible-types.json are current');
  } else {
    for (const [f, text] of files) writeFileSync(f, text);
    console.log('wrote schema.graphql and clients/possible-types.json');
  }
}

await main();
