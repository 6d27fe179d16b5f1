// Every Spark key the engine's code names outside the catalog is a key the catalog knows (or a known key outside it):
// a misspelt literal in a rule or in the simulator would silently never match, so it fails here instead.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { isOtherKnownKey, lookupKey, parseVolumeKey } from '../../../server/src/engine/catalog';

const ROOT = resolve(__dirname, '../../..');
const ENGINE = join(ROOT, 'server/src/engine');
/** A whole quoted key (no template, no trailing dot: prefixes are not keys). */
const LITERAL = /'(spark\.[A-Za-z0-9_]+(?:\.[A-Za-z0-9_-]+)+)'/g;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'catalog' ? [] : sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

function known(key: string): boolean {
  return lookupKey(key) !== undefined || isOtherKnownKey(key) || parseVolumeKey(key) !== undefined;
}

test('every Spark key literal in engine code is known to the catalog', () => {
  const unknown: string[] = [];
  let seen = 0;
  for (const file of sources(ENGINE)) {
    for (const match of readFileSync(file, 'utf8').matchAll(LITERAL)) {
      const key = match[1] as string;
      seen++;
      if (!known(key)) unknown.push(`${relative(ROOT, file)}: ${key}`);
    }
  }
  assert.ok(seen > 100, `found ${seen} key literals; the scan is not reading the engine`);
  assert.deepEqual(unknown, []);
});
