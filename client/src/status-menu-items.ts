// The entries of the status bar menu, in the order they are offered. Pure.

export interface StatusMenuItem {
  label: string;
  detail: string;
  command: string;
}

export function statusMenuItems(): StatusMenuItem[] {
  return [
    {
      label: '$(versions) Select Spark Version',
      detail: 'Defaults, checks and the simulator follow the version chosen for this file.',
      command: 'sparkDra.selectSparkVersion',
    },
    {
      label: '$(graph-line) Simulate Dynamic Allocation',
      detail: 'Executors over time against static allocation, with what-if controls.',
      command: 'sparkDra.simulate',
    },
    {
      label: '$(list-flat) Show Effective Configuration',
      detail: 'Every key Spark will use for this job, where its value comes from and its default.',
      command: 'sparkDra.showEffectiveConfig',
    },
    {
      label: '$(history) Replay Event Log…',
      detail: "Replay a real run's event log with this file's configuration.",
      command: 'sparkDra.replayEventLog',
    },
  ];
}
