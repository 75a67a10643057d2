import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanArticle } from '../src/ingest/clean.js';
import { extractFacts } from '../src/ingest/extract/index.js';
import { frames } from '../src/ingest/extract/mentorships/index.js';

/**
 * Every mentorship frame of lang/zh/data/mentorship-frames.json yields what its example says
 * (a linguist who adds a frame adds its example; this test keeps them honest).
 */
const norm = (s: string | null | undefined) => (s ?? '').replace(/[“”‘’\s]/g, '');

for (const f of frames()) {
  test(`mentorship frame ${f.id}: ${f.example}`, () => {
    const doc = extractFacts(cleanArticle(f.example));
    const found = doc.mentorships.map((m) => `${m.mentor ?? '∅'}→${m.mentee}`);
    const ok = doc.mentorships.some((m) => {
      const mentorOk = f.expect.mentor === null ? m.mentor === undefined : norm(m.mentor).includes(norm(f.expect.mentor)) || (f.expect.mentor === '他' && !!m.mentor);
      return mentorOk && norm(m.mentee).includes(norm(f.expect.mentee));
    });
    assert.ok(ok, `expected ${f.expect.mentor ?? '∅'}→${f.expect.mentee}, got [${found.join(', ')}]`);
  });
}
