// The fast reader for well-formed JSON must build jsonc-parser's tree exactly, and give up on anything jsonc-parser
// reports an error for. parseJsonDocument (fast reader or visitor) must match parseTree on every input.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createScanner, parseTree, type Node, type ParseError } from 'jsonc-parser';
import { readWellFormed } from '../../../server/src/engine/locators/json/well-formed';
import { parseJsonDocument } from '../../../server/src/engine/locators/json/parse';
import { CONFIG_ARRAY, EKS_JOB } from './json-fixtures';

/** A node's fields without the parent link (our trees have none). */
function plain(node: Node | undefined): unknown {
  if (!node) return undefined;
  const out: Record<string, unknown> = { type: node.type, offset: node.offset, length: node.length };
  if ('value' in node) out.value = node.value;
  if (node.colonOffset !== undefined) out.colonOffset = node.colonOffset;
  if (node.children) out.children = node.children.map(plain);
  return out;
}

function reference(text: string): {
  root: unknown;
  errors: ParseError[];
  comments: Array<{ offset: number; length: number }>;
} {
  const errors: ParseError[] = [];
  const root = plain(parseTree(text, errors, { allowTrailingComma: true, disallowComments: false }));
  const comments: Array<{ offset: number; length: number }> = [];
  const scanner = createScanner(text, false);
  for (let kind: number = scanner.scan(); kind !== 17; kind = scanner.scan()) {
    if (kind === 12 || kind === 13)
      comments.push({ offset: scanner.getTokenOffset(), length: scanner.getTokenLength() });
  }
  return { root, errors, comments };
}

function assertSameAsJsonc(text: string): boolean {
  const expected = reference(text);
  const fast = readWellFormed(text);
  if (fast) {
    assert.deepEqual(expected.errors, [], `fast reader accepted text with errors: ${JSON.stringify(text)}`);
    assert.deepEqual(plain(fast.root as Node), expected.root, JSON.stringify(text));
    assert.deepEqual(fast.comments, expected.comments, JSON.stringify(text));
  }
  const document = parseJsonDocument(text);
  assert.deepEqual(plain(document.root), expected.root, JSON.stringify(text));
  assert.deepEqual(document.errors, expected.errors, JSON.stringify(text));
  return fast !== undefined;
}

const EDGE_CASES = [
  '',
  ' ',
  '{}',
  '[]',
  '[,]',
  '{,}',
  '[1,]',
  '{"a":1,}',
  '[1,,]',
  '{"a":1,,}',
  '-',
  '-0',
  '1e5',
  '1E+5',
  '0.5e-3',
  '00',
  '01',
  '1.',
  '1.e3',
  '-a',
  'true',
  'truex',
  'true/**/',
  'true//',
  'nul',
  'null ',
  ' "a\\u00e9\\"\\/" ',
  '"\\u00G0"',
  '"a\nb"',
  '"a\tb"',
  '"\\\n"',
  '{"a" : [ 1 , { "b" : null } ] } // end',
  '/* head */ {"a": /* mid */ 1} /* tail',
  '{"a":1} x',
  '{"a":1} {"b":2} // c',
  '[1 2]',
  '{"a" 1}',
  '{"a":}',
  '{"a"}',
  '{1:2}',
  '\ufeff{}',
  '{}\u000b',
  '{"a":1}\r\n',
  '"\u2028"',
  '{"k": -1.5E+10, "t": true, "f": false, "n": null}',
  '[1/2]',
  '[1//x\n]',
  '"a"/',
  '{"a":1}/',
  '/**/[/*/*/]',
  `${'['.repeat(300)}${']'.repeat(300)}`,
];

describe('well-formed JSON reader', () => {
  it('matches jsonc-parser on edge cases', () => {
    for (const text of EDGE_CASES) assertSameAsJsonc(text);
  });

  it('takes the fast path for ordinary job files, with comments and trailing commas', () => {
    assert.equal(assertSameAsJsonc(EKS_JOB), true);
    assert.equal(assertSameAsJsonc(CONFIG_ARRAY), true);
    assert.equal(
      assertSameAsJsonc(`// spark-dra: sparkVersion=3.4.1\n${CONFIG_ARRAY.replace(/\]\s*$/, ',]')} /* end */\n`),
      true,
    );
  });

  it('matches jsonc-parser on damaged job files', () => {
    let seed = 5;
    const random = (): number => (seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296;
    const pieces = [
      '"',
      ',',
      '}',
      ']',
      '{',
      '[',
      ':',
      '//x\n',
      '/*x*/',
      '/*',
      '/',
      '\\',
      '\\u12',
      '\\n',
      '\t',
      '\r\n',
      '\u000b',
      '-',
      '01',
      '1.',
      'tru',
      ',]',
    ];
    for (const sample of [EKS_JOB, CONFIG_ARRAY]) {
      for (let i = 0; i < 300; i++) {
        const at = Math.floor(random() * (sample.length + 1));
        const roll = random();
        const text =
          roll < 0.2
            ? sample.slice(0, at)
            : roll < 0.4
              ? sample.slice(0, at) + sample.slice(at + 1 + Math.floor(random() * 4))
              : sample.slice(0, at) + (pieces[Math.floor(random() * pieces.length)] as string) + sample.slice(at);
        assertSameAsJsonc(text);
      }
    }
  });
});
