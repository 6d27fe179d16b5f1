// Where a block map sits under its key, for completion on the lines below the key (which are often not valid YAML yet).
import type { Range } from '../../model';
import { columnOf, outerRange, type ScalarKeyPair } from './syntax/nodes';
import { isMapNode } from './syntax/tree';

export interface BlockAnchor {
  /** The key as written. */
  header: Range;
  /** Column of the key. */
  headerColumn: number;
  /** Column at which the map's entries start (or would start when it is empty). */
  entryColumn: number;
  /** The map is written in flow style (`{ … }`). */
  flow: boolean;
}

/** The anchor of the map under `pair`'s key; an empty or not-yet-a-map value expects entries two columns deeper. */
export function blockAnchorOf(text: string, pair: ScalarKeyPair): BlockAnchor {
  const header = outerRange(text, pair.key);
  const headerColumn = columnOf(text, header.start);
  const value = pair.value;
  const first = isMapNode(value) && !value.flow ? value.items[0]?.key : undefined;
  const onLaterLine = first !== undefined && first !== null && text.slice(header.end, first.range[0]).includes('\n');
  const entryColumn = onLaterLine ? columnOf(text, first.range[0]) : headerColumn + 2;
  return { header, headerColumn, entryColumn, flow: isMapNode(value) && value.flow };
}
