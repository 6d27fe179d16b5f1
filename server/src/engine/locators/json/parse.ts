// Parses JSON text leniently with jsonc-parser.
import { parseTree, type Node, type ParseError } from 'jsonc-parser';

export interface JsonDocument {
  root: Node | undefined;
  errors: ParseError[];
}

/** Comments and trailing commas are accepted; errors are collected rather than thrown. */
export function parseJsonDocument(text: string): JsonDocument {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  return { root, errors };
}
