// The script lexer: words with quotes and continuations, comments, here-documents and expansions.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lexScript } from '../../../server/src/engine/locators/shell/lex';

const slice = (text: string, range: { start: number; end: number }): string => text.slice(range.start, range.end);

describe('shell lexer', () => {
  it('splits commands at line ends, ; && | and keeps continued lines in one command', () => {
    const text = 'a b \\\n  c; d && e | f # g h\ni "j k"\n';
    const script = lexScript(text);
    assert.deepEqual(
      script.commands.map((c) => c.words.map((w) => w.value)),
      [['a', 'b', 'c'], ['d'], ['e'], ['f'], ['i', 'j k']],
    );
    assert.deepEqual(
      script.comments.map((c) => c.text),
      ['# g h'],
    );
  });

  it('a # inside a word is not a comment; a single-quoted word knows the span between its quotes', () => {
    const text = `x a#b '{"k": 1}' pre'q'\n`;
    const [command] = lexScript(text).commands;
    assert.ok(command);
    assert.deepEqual(
      command.words.map((w) => w.value),
      ['x', 'a#b', '{"k": 1}', 'preq'],
    );
    const quoted = command.words[2]?.singleQuoted;
    assert.ok(quoted);
    assert.equal(slice(text, quoted), '{"k": 1}');
    assert.equal(command.words[3]?.singleQuoted, undefined, 'not wholly single-quoted');
  });

  it('reads two here-documents opened on one line, in order, and <<- closing lines indented with tabs', () => {
    const text = 'cat <<A <<-"B"\none\nA\n\ttwo $X\n\tB\necho after\n';
    const script = lexScript(text);
    assert.equal(script.hereDocuments.length, 2);
    const [first, second] = script.hereDocuments;
    assert.ok(first && second);
    assert.equal(slice(text, first.body), 'one\n');
    assert.equal(first.expands, true);
    assert.equal(slice(text, second.body), '\ttwo $X\n');
    assert.equal(second.expands, false);
    assert.equal(second.stripTabs, true);
    assert.deepEqual(script.expansions, [], '$X in a quoted here-document is literal');
    assert.deepEqual(
      script.commands.map((c) => c.words[0]?.value),
      ['cat', 'echo'],
    );
  });

  it('an unclosed here-document runs to the end; a here-string is not a here-document', () => {
    const open = lexScript('cat <<EOF\n{"a": 1}\n');
    assert.equal(open.hereDocuments[0]?.closed, false);
    assert.equal(open.hereDocuments[0]?.body.end, 'cat <<EOF\n{"a": 1}\n'.length);
    assert.equal(lexScript('read x <<< "$y"\n').hereDocuments.length, 0);
  });

  it('finds $NAME, ${…}, $(…) and backquotes outside single quotes', () => {
    const text = 'echo $A "${B:-x}" \'$C\' $(date +%s) `id` $\n';
    const found = lexScript(text).expansions.map((e) => slice(text, e));
    assert.deepEqual(found, ['$A', '${B:-x}', '$(date +%s)', '`id`']);
  });
});
