// The position of a comment in JSON text, as the parsers note it.
/** A `//` or `/* *\/` comment token: where it starts and how long it is. */
export interface CommentToken {
  offset: number;
  length: number;
}
