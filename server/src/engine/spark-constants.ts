// Numbers Spark itself uses that the engine needs in more than one place.

/** Java's Integer.MAX_VALUE: Spark's "no limit" for executor counts and pod limits. */
export const INT_MAX = 2147483647;

/** Java's Long.MAX_VALUE, where Spark parses durations and sizes into longs ("never" for some timeouts). */
export const LONG_MAX = 9223372036854775807n;

/** Spark's allocation manager polls every 100 ms; the simulator and the trace runner tick at the same rate. */
export const TICK_MS = 100;
