// Reads a job file for the CLI: bounded in size, decoded by its byte-order mark (UTF-8, UTF-16 LE/BE), and refused
// with a problem when it is not text. Reasons never quote the file's contents.
import { openSync, closeSync, fstatSync, readSync } from 'node:fs';
import { failure, success, type Result } from '../../../protocol/result';

/** Files larger than this are not read unless the user raises the limit (`--max-file-mb`). */
export const DEFAULT_MAX_FILE_MB = 32;

/** The text, or why not: `over-budget` past the size limit, `unreadable-input` otherwise. */
export type TextRead = Result<string>;

export function readTextFile(path: string, maxBytes = DEFAULT_MAX_FILE_MB * 1024 * 1024): TextRead {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    if (size > maxBytes) {
      const mb = (n: number) => (n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0);
      return failure(
        'over-budget',
        `the file is ${mb(size)} MiB, over the ${mb(maxBytes)} MiB limit for one file (raise it with --max-file-mb)`,
      );
    }
    const bytes = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return decode(bytes.subarray(0, read));
  } catch (error) {
    const code = (error as { code?: string }).code;
    return failure('unreadable-input', code ? `cannot read the file (${code})` : 'cannot read the file');
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Text by byte-order mark; UTF-8 without one. NUL bytes left over mean binary or UTF-16 without a mark. */
export function decode(bytes: Buffer): TextRead {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = bytes.subarray(2).toString('utf16le');
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  else if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) text = bytes.subarray(3).toString('utf8');
  else text = bytes.toString('utf8');
  if (text.includes('\u0000')) {
    return failure(
      'unreadable-input',
      'the file is not text (it holds NUL bytes: binary, or UTF-16 without a byte-order mark)',
    );
  }
  return success(text);
}
