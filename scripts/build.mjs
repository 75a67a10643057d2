// `npm run build`: compiles src/ to dist/ and copies what the code reads beside itself
// (language data, the explorer's static files, the worker's plain-JS entry), so that
// dist/ mirrors src/ and the paths relative to a module hold in both.
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
rmSync(path.join(root, 'dist'), { recursive: true, force: true });
execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
let copied = 0;
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) walk(file);
    else if (!name.endsWith('.ts')) {
      cpSync(file, path.join(root, 'dist', path.relative(path.join(root, 'src'), file)));
      copied++;
    }
  }
};
walk(path.join(root, 'src'));
console.log(`dist/ built: compiled TypeScript and ${copied} data files`);
