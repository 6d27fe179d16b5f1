// The status bar menu offers every Spark DRA action on a job file, each one a command the extension declares.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { statusMenuItems } from '../../../client/src/status-menu-items';

const manifest = JSON.parse(readFileSync(resolve(__dirname, '../../../package.json'), 'utf8')) as {
  contributes: { commands: { command: string }[] };
};

test('status menu: version first, then simulate, effective configuration and replay — all declared commands', () => {
  const items = statusMenuItems();
  assert.deepEqual(
    items.map((i) => i.command),
    ['sparkDra.selectSparkVersion', 'sparkDra.simulate', 'sparkDra.showEffectiveConfig', 'sparkDra.replayEventLog'],
  );
  const declared = new Set(manifest.contributes.commands.map((c) => c.command));
  for (const item of items) assert.ok(declared.has(item.command), `${item.command} is declared in package.json`);
});
