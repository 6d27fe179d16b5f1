// What each document of a YAML file contributed to the file's results, kept with the results: an edit inside one
// document then reads only that document again and takes the others' parts from the previous version (see
// locators/incremental/yaml-documents.ts). The file's results are the documents' parts joined in document order.
import type {
  JobConfig,
  ParsedFile,
  PersistentVolumeClaimInfo,
  Range,
  StorageClassInfo,
  SuppressionComment,
  SyntaxProblem,
} from '../../model';
import { emptyParsedFile } from '../../model';
import { moveRanges } from '../../move-ranges';
import { moveJob } from './moved-job';

/** One document's part of a file's results (all empty for a document that is none of ours). */
export interface DocumentPart {
  /** The document's range, as documentStarts splits the file. */
  range: Range;
  syntaxErrors: SyntaxProblem[];
  suppressions: SuppressionComment[];
  jobs: JobConfig[];
  storageClasses: StorageClassInfo[];
  claims: PersistentVolumeClaimInfo[];
}

export function emptyPart(range: Range): DocumentPart {
  return { range, syntaxErrors: [], suppressions: [], jobs: [], storageClasses: [], claims: [] };
}

/** The parts of the files read in full or in part by the YAML locator (not Helm templates, whose reading is global). */
const partsOf = new WeakMap<ParsedFile, readonly DocumentPart[]>();

/** The file's results: the parts joined in order, exactly as one pass over the documents pushes them. */
export function joinParts(parts: readonly DocumentPart[], remember: boolean): ParsedFile {
  const parsed = emptyParsedFile('yaml');
  const claims: PersistentVolumeClaimInfo[] = [];
  for (const part of parts) {
    for (const item of part.syntaxErrors) parsed.syntaxErrors.push(item);
    for (const item of part.suppressions) parsed.suppressions.push(item);
    for (const item of part.jobs) parsed.jobs.push(item);
    for (const item of part.storageClasses) parsed.storageClasses.push(item);
    for (const item of part.claims) claims.push(item);
  }
  if (claims.length > 0) parsed.claims = claims;
  if (remember) partsOf.set(parsed, parts);
  return parsed;
}

/** The document parts `parsed` was joined from, when the YAML locator made it and kept them. */
export function partsOfFile(parsed: ParsedFile): readonly DocumentPart[] | undefined {
  return partsOf.get(parsed);
}

/** A copy of `part` for the same document text moved by `delta` in the file. */
export function movePart(part: DocumentPart, delta: number): DocumentPart {
  if (delta === 0) return part;
  return {
    range: { start: part.range.start + delta, end: part.range.end + delta },
    syntaxErrors: moveRanges(part.syntaxErrors, delta),
    suppressions: moveRanges(part.suppressions, delta),
    jobs: part.jobs.map((job) => moveJob(job, delta)),
    storageClasses: moveRanges(part.storageClasses, delta),
    claims: moveRanges(part.claims, delta),
  };
}
