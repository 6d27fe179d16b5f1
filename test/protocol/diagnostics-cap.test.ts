// A file with more findings than the server publishes: the first ones by position, then one note with the count, so
// the Problems view stays usable and the server keeps answering while the user types.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MAX_PUBLISHED_DIAGNOSTICS } from '../../protocol/limits';
import { TestLspClient } from './lsp-client';

let client: TestLspClient;
before(async () => {
  client = await TestLspClient.start({ settings: {} });
});
after(async () => {
  await client.stop();
});

/** A spark-defaults.conf that writes the same key `lines` times: every line after the first is a duplicate. */
function repeatedKey(lines: number): string {
  return Array.from({ length: lines }, (_, i) => `spark.executor.cores ${(i % 8) + 1}`).join('\n') + '\n';
}

describe('published diagnostics cap', () => {
  it(`more than ${MAX_PUBLISHED_DIAGNOSTICS} findings → the first ${MAX_PUBLISHED_DIAGNOSTICS} by position, then a note with the total`, async () => {
    const lines = MAX_PUBLISHED_DIAGNOSTICS + 1500;
    const uri = await client.open('cap/spark-defaults.conf', 'spark-defaults', repeatedKey(lines));
    const diagnostics = await client.nextDiagnostics(uri, 60_000);
    assert.equal(diagnostics.length, MAX_PUBLISHED_DIAGNOSTICS + 1);
    const shown = diagnostics.slice(0, MAX_PUBLISHED_DIAGNOSTICS);
    for (let i = 1; i < shown.length; i++)
      assert.ok(shown[i].range.start.line >= shown[i - 1].range.start.line, 'in file order');
    const note = diagnostics[MAX_PUBLISHED_DIAGNOSTICS];
    assert.equal(note.code, 'too-many-problems');
    const message = String(note.message);
    const total = /first ([\d,]+) of ([\d,]+) problems/.exec(message);
    assert.ok(total, message);
    assert.equal(Number(total[1].replace(/,/g, '')), MAX_PUBLISHED_DIAGNOSTICS);
    assert.ok(Number(total[2].replace(/,/g, '')) >= lines - 1, `every duplicate counted: ${message}`);
  });

  it('a file under the cap gets every finding and no note', async () => {
    const uri = await client.open('cap/small-spark-defaults.conf', 'spark-defaults', repeatedKey(30));
    const diagnostics = await client.nextDiagnostics(uri, 20_000);
    assert.ok(diagnostics.length >= 29);
    assert.ok(!diagnostics.some((d) => d.code === 'too-many-problems'));
  });
});
