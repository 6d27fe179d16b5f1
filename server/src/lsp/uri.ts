// Minimal helpers for file URIs (the server only needs the path and the reverse mapping).
import { fileURLToPath, pathToFileURL } from 'node:url';

export const URI = {
  /** The path part of a URI, decoded; for non-file URIs the raw path. */
  path(uri: string): string {
    try {
      if (uri.startsWith('file:')) return fileURLToPath(uri);
      return decodeURIComponent(new URL(uri).pathname);
    } catch {
      return uri;
    }
  },
  fromPath(path: string): string {
    return pathToFileURL(path).toString();
  },
};
