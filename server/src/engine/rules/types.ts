// What a rule reports: a finding with a range, optional related places and quick-fix edits.
import type { RuleId } from './registry';
import type { Range } from '../model';
import type { TextEdit } from '../edits/text-edit';
import type { Severity } from './severity';

export type { Severity, SeveritySetting } from './severity';

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
  ruleId: RuleId;
  severity: Severity;
  message: string;
  range: Range;
  related?: RelatedInfo[];
  fixes?: FixData[];
  tags?: ('unnecessary' | 'deprecated')[];
}

export type { TextEdit };
