// The simulation panel's advisor view ("Suggest settings"): its messages in both directions and their validators.
// webview-messages.ts adds them to the panel's message unions. Pure: no DOM, no vscode.
import type { Advice } from './advice';
import { parseAdvice, parseChanges } from './advice-parse';
import { isMaxSlowdownPct, isOneLine, PRESET_NAME_MAX } from './limits';
import { count, isObj, type Obj } from './value-checks';

/** Longest failure text an advice status carries. */
const STATUS_MESSAGE_MAX = 20_000;

// ---------- host → webview ----------

/** A finished search: the webview shows the advisor view with it. */
export interface AdviceMessage {
  type: 'advice';
  advice: Advice;
}
/** A search started, failed or was cancelled (the advisor view says so). */
export interface AdviceStatusMessage {
  type: 'adviceStatus';
  state: 'searching' | 'failed' | 'cancelled';
  message?: string;
}
export type AdvisorHostMessage = AdviceMessage | AdviceStatusMessage;

// ---------- webview → host ----------

/**
 * Start a search for the panel's job, on the workload preset the panel shows (the host's default when absent), with
 * the runtime limit typed in the view (the advisor's default when absent).
 */
export interface AdviseMessage {
  type: 'advise';
  preset?: string;
  maxSlowdownPct?: number;
}
/** Simulate the advised workload with a point's changes over the file, to show its timeline. */
export interface AdvisorPreviewMessage {
  type: 'advisorPreview';
  requestId: number;
  changes: Record<string, string>;
}
/** Write a point's changes into the job file as one edit. */
export interface AdvisorApplyMessage {
  type: 'advisorApply';
  changes: Record<string, string>;
}
export type AdvisorWebviewMessage = AdviseMessage | AdvisorPreviewMessage | AdvisorApplyMessage;

export const ADVISOR_HOST_TYPES: readonly string[] = ['advice', 'adviceStatus'];
export const ADVISOR_WEBVIEW_TYPES: readonly string[] = ['advise', 'advisorPreview', 'advisorApply'];

function hasOnly(o: Obj, allowed: readonly string[]): boolean {
  return Object.keys(o).every((k) => allowed.includes(k));
}

/** Validates an advisor message from the host; a clean copy, or undefined for anything malformed. */
export function parseAdvisorHostMessage(x: unknown): AdvisorHostMessage | undefined {
  if (!isObj(x)) return undefined;
  if (x.type === 'advice') {
    const advice = parseAdvice(x.advice);
    return advice ? { type: 'advice', advice } : undefined;
  }
  if (x.type === 'adviceStatus') {
    const { state, message } = x;
    if (state !== 'searching' && state !== 'failed' && state !== 'cancelled') return undefined;
    if (message === undefined) return { type: 'adviceStatus', state };
    if (typeof message !== 'string' || message.length > STATUS_MESSAGE_MAX) return undefined;
    return { type: 'adviceStatus', state, message };
  }
  return undefined;
}

/** Validates an advisor message from the webview. Strict: unknown fields or malformed values → undefined. */
export function parseAdvisorWebviewMessage(x: unknown): AdvisorWebviewMessage | undefined {
  if (!isObj(x)) return undefined;
  switch (x.type) {
    case 'advise': {
      if (!hasOnly(x, ['type', 'preset', 'maxSlowdownPct'])) return undefined;
      const msg: AdviseMessage = { type: 'advise' };
      if (x.preset !== undefined) {
        if (!isOneLine(x.preset, PRESET_NAME_MAX) || x.preset.length === 0) return undefined;
        msg.preset = x.preset;
      }
      if (x.maxSlowdownPct !== undefined) {
        if (!isMaxSlowdownPct(x.maxSlowdownPct)) return undefined;
        msg.maxSlowdownPct = x.maxSlowdownPct;
      }
      return msg;
    }
    case 'advisorPreview': {
      if (!hasOnly(x, ['type', 'requestId', 'changes']) || !count(x.requestId)) return undefined;
      const changes = parseChanges(x.changes);
      return changes ? { type: 'advisorPreview', requestId: x.requestId, changes } : undefined;
    }
    case 'advisorApply': {
      if (!hasOnly(x, ['type', 'changes'])) return undefined;
      const changes = parseChanges(x.changes, false);
      return changes ? { type: 'advisorApply', changes } : undefined;
    }
    default:
      return undefined;
  }
}
