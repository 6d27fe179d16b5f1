// What the server tells the client to show in pickers and labels. Plain data.

/** What the client shows in pickers and labels, from the server's engine (the client never imports the engine). */
export interface ServerFacts {
  /** Spark versions on offer for "Select Spark Version", oldest first, each with what sets it apart. */
  sparkVersions: { version: string; note?: string }[];
  /** A person's name for each job kind (`emr-eks` → `EMR on EKS`). */
  jobKindLabels: Record<string, string>;
  /** Built-in workload presets, the default first. */
  presets: { name: string; description: string }[];
}
