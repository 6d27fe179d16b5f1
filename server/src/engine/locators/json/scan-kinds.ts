// jsonc-parser's token kinds as plain numbers. Its `SyntaxKind` is an ambient const enum, which isolated-module
// builds cannot read, so the values we use are restated here (they are part of its published API).

export const TOKEN = {
  openBrace: 1,
  closeBrace: 2,
  openBracket: 3,
  closeBracket: 4,
  comma: 5,
  colon: 6,
  string: 10,
  lineComment: 12,
  blockComment: 13,
  lineBreak: 14,
  whitespace: 15,
  unknown: 16,
  eof: 17,
} as const;

/** Whitespace, line breaks and comments. */
export function isTrivia(kind: number): boolean {
  return (
    kind === TOKEN.whitespace || kind === TOKEN.lineBreak || kind === TOKEN.lineComment || kind === TOKEN.blockComment
  );
}
