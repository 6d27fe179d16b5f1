// documentStarts finds documents by their markers without a regular expression per line; it must split every text
// exactly as the rule says: the text start, each line opening with `---`, and the line after each `...`, where the
// marker is followed by a blank or the end of the text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { documentStarts } from '../../../server/src/engine/locators/yaml/syntax/documents';
import { mulberry32 } from '../../../server/src/engine/workload/prng';

/** The rule, spelled out line by line. */
function expectedStarts(text: string): number[] {
  const starts = new Set([0]);
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const lineEnd = lineStart + line.length;
    const marker = /^(---|\.\.\.)(?:[ \t\r\n]|$)/.exec(lineEnd < text.length ? `${line}\n` : line);
    if (marker?.[1] === '---') starts.add(lineStart);
    if (marker?.[1] === '...' && lineEnd < text.length) starts.add(lineEnd + 1);
    lineStart = lineEnd + 1;
  }
  return [...starts].filter((start) => start < text.length || start === 0).sort((a, b) => a - b);
}

test('documentStarts: markers at the start, the end, after `...`, with CRLF and look-alikes → the rule’s starts', () => {
  const cases = [
    '',
    '---',
    '---\n',
    'a: 1\n---',
    'a: 1\n--- # comment\nb: 2\n',
    'a: 1\n...\n---\nb: 2\n',
    'a: 1\n...',
    'a: 1\n...\n',
    'a: 1\r\n---\r\nb: 2\r\n',
    'a: 1\n----\n--\n-- -\n....\n.. .\n  ---\n',
    '---\t\n...\t\n',
  ];
  for (const text of cases) assert.deepEqual(documentStarts(text), expectedStarts(text), JSON.stringify(text));
});

test('documentStarts: random streams of markers and look-alikes → the rule’s starts', () => {
  const rand = mulberry32(7);
  const pieces = ['---', '...', '--', '----', '..', '-', '.', ' ', '\t', '\r', '\n', '\n', 'a: 1', '#'];
  for (let i = 0; i < 2000; i++) {
    const length = Math.floor(rand() * 30);
    const text = Array.from({ length }, () => pieces[Math.floor(rand() * pieces.length)] ?? '').join('');
    assert.deepEqual(documentStarts(text), expectedStarts(text), JSON.stringify(text));
  }
});
