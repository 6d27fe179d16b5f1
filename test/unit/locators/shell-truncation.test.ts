// Half-typed scripts: every prefix of each shell fixture is read, and completed at, without an exception, with every
// range inside the text. Calls the unguarded reader so that a bug cannot hide behind the public guard.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readShellScript } from '../../../server/src/engine/locators/shell/read';
import { shellCompletionContext } from '../../../server/src/engine/locators/shell';
import { badRange } from './json-fixtures';
import * as fixtures from './shell-fixtures';

describe('shell locator: truncated input', () => {
  for (const [name, script] of Object.entries(fixtures)) {
    it(`every prefix of ${name} reads without throwing and keeps ranges in the text`, () => {
      let jobsSeen = 0;
      for (let end = 0; end <= script.length; end++) {
        const prefix = script.slice(0, end);
        const { parsed, views } = readShellScript(prefix);
        assert.equal(badRange(parsed, prefix.length), undefined, `${name} cut at ${end}`);
        assert.equal(views.length, parsed.jobs.length);
        for (const view of views) assert.equal(view.text.length, prefix.length, 'a view keeps the offsets');
        jobsSeen += parsed.jobs.length;
        const context = shellCompletionContext(prefix, parsed, end);
        if (context) assert.ok(context.replace.start >= 0 && context.replace.end <= prefix.length);
      }
      assert.ok(jobsSeen > 0, 'most prefixes hold a job');
    });
  }
});
