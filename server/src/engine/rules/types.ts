// What a rule reports: a finding with a range, optional related places and quick-fix edits.
import type { Range } from '../model';
import type { TextEdit } from '../edits/text-edit';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = 'off' | 'info' | 'warning' | 'error';

export interface FixData {
  title: string;
  edits: TextEdit[];
  preferred?: boolean;
}

export interface RelatedInfo {
  message: string;
  range: Range;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  related?: RelatedInfo[];
  fixes?: FixData[];
  tags?: ('unnecessary' | 'deprecated')[];
}

export type { TextEdit };
