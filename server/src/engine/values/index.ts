// Values parsed exactly as Spark parses them. Each kind of value has its own module; this file is the public face.
export type { ParseResult } from './result';
export { parseSparkBoolean, parseSparkInt, parseSparkDouble } from './primitives';
export { parseDuration, microsPerUnit } from './duration';
export { parseSize, IEC_SIZE_SUFFIXES_SINCE, BYTE_UNIT_NAME } from './size';
export { parseK8sQuantity } from './quantity';
