// How loudly a finding speaks, and what a user may set per rule (the same words minus `hint`, plus `off`).
export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = 'off' | 'info' | 'warning' | 'error';
