// Reads Spark properties for the simulator's Kubernetes, volume and sizing settings: a given value wins, otherwise
// the catalog's default for the Spark version (a key newer than the version reads as unset). Bad values fall back
// to the default and are reported, the simulator never throws on them.
import { defaultFor, lookupKey, type SparkKey } from '../../catalog/index';
import {
  parseDuration,
  parseK8sQuantity,
  parseSize,
  parseSparkBoolean,
  parseSparkDouble,
  parseSparkInt,
} from '../../values/index';
import type { ParseResult } from '../../values/index';
import { compareVersions } from '../../version';

export class ConfReader {
  /** `key: problem` for every value that could not be read. */
  readonly problems: string[] = [];

  constructor(
    private readonly props: Readonly<Record<string, string>>,
    readonly version: string,
  ) {}

  given(key: SparkKey): boolean {
    return Object.prototype.hasOwnProperty.call(this.props, key);
  }

  /** The text Spark sees for the key, or undefined when unset (or not yet in this Spark version). */
  raw(key: SparkKey): string | undefined {
    return this.rawOf(key);
  }

  /** `raw` for any key, so a catalog row's fallback key (plain text in the catalog) can be followed. */
  private rawOf(key: string): string | undefined {
    const info = lookupKey(key);
    if (info && compareVersions(this.version, info.since) < 0) return undefined;
    if (Object.prototype.hasOwnProperty.call(this.props, key)) return this.props[key];
    if (!info) return undefined;
    const value = defaultFor(info, this.version).value;
    if (value === undefined && info.fallbackKey !== undefined) return this.rawOf(info.fallbackKey);
    return value;
  }

  private read<T>(key: SparkKey, parse: (text: string) => ParseResult<T>, fallback: T): T {
    const text = this.raw(key);
    if (text === undefined) return fallback;
    const result = parse(text);
    if (result.ok) return result.value;
    this.problems.push(`${key}: ${result.error}`);
    return fallback;
  }

  bool(key: SparkKey, fallback: boolean): boolean {
    return this.read(key, parseSparkBoolean, fallback);
  }
  int(key: SparkKey, fallback: number): number {
    return this.read(key, parseSparkInt, fallback);
  }
  double(key: SparkKey, fallback: number): number {
    return this.read(key, parseSparkDouble, fallback);
  }
  /** A millisecond-typed duration key, in milliseconds. */
  millis(key: SparkKey, fallbackMs: number): number {
    return this.read(key, (t) => parseDuration(t, 'ms'), fallbackMs);
  }
  /** A MiB-typed size key, in MiB; undefined when unset. */
  mebibytes(key: SparkKey): number | undefined {
    if (this.raw(key) === undefined) return undefined;
    return this.read<number | undefined>(key, (t) => parseSize(t, 'm', this.version), undefined);
  }
  /** A Kubernetes quantity (CPU `500m`, size `100Gi`); undefined when unset or unreadable. */
  quantity(key: SparkKey): number | undefined {
    if (this.raw(key) === undefined) return undefined;
    return this.read<number | undefined>(key, (t) => parseK8sQuantity(t), undefined);
  }
  string(key: SparkKey): string | undefined {
    return this.raw(key)?.trim();
  }
}
