// Decides whether a JSON document is an EMR job description we read, and which kind.
import type { Node } from 'jsonc-parser';
import type { JobKind } from '../../model';
import { member } from './tree';

export interface RecognizedJob {
  kind: Extract<JobKind, 'emr-eks' | 'emr-serverless' | 'emr-config'>;
  /** The object holding the job's members (the root, or `jobTemplateData` of a job template), or the root array. */
  node: Node;
  /** The configuration list whose spark-defaults are read, when there is one. */
  configurations: Node | undefined;
}

/** Property names of an EMR `Configuration`, in the spellings the APIs and the EMR console use. */
export const CLASSIFICATION = ['classification', 'Classification'];
export const PROPERTIES = ['properties', 'Properties'];
export const CONFIGURATIONS = ['configurations', 'Configurations'];

/**
 * Recognises EMR on EKS and EMR Serverless StartJobRun requests, EKS job templates, EMR Serverless applications
 * (`runtimeConfiguration`), files holding only `configurationOverrides` (as passed to the AWS CLI) and bare
 * configuration arrays.
 */
export function recognizeJob(root: Node | undefined): RecognizedJob | undefined {
  if (!root) return undefined;
  if (root.type === 'array') {
    return isConfigurationArray(root) ? { kind: 'emr-config', node: root, configurations: root } : undefined;
  }
  if (root.type !== 'object') return undefined;
  const template = member(root, 'jobTemplateData');
  if (template?.type === 'object') {
    return { kind: startJobRunKind(template) ?? 'emr-eks', node: template, configurations: overrides(template) };
  }
  const kind = startJobRunKind(root);
  if (kind) return { kind, node: root, configurations: overrides(root) };
  const runtime = member(root, 'runtimeConfiguration');
  if (runtime?.type === 'array' && member(root, 'releaseLabel')) {
    return { kind: 'emr-serverless', node: root, configurations: runtime };
  }
  const list = member(root, 'applicationConfiguration');
  if (list?.type === 'array' && isConfigurationArray(list))
    return { kind: 'emr-config', node: root, configurations: list };
  return undefined;
}

function overrides(job: Node): Node | undefined {
  return member(member(job, 'configurationOverrides'), 'applicationConfiguration');
}

function startJobRunKind(job: Node): 'emr-eks' | 'emr-serverless' | undefined {
  const driver = member(job, 'jobDriver');
  if (member(driver, 'sparkSubmitJobDriver')) return 'emr-eks';
  if (member(driver, 'sparkSubmit')) return 'emr-serverless';
  if (member(job, 'virtualClusterId')) return 'emr-eks';
  if (member(job, 'applicationId')) return 'emr-serverless';
  if (member(job, 'releaseLabel') && member(job, 'configurationOverrides')) return 'emr-eks';
  return undefined;
}

/** An array with at least one object that has a classification member. */
function isConfigurationArray(root: Node): boolean {
  return (root.children ?? []).some((item) => member(item, ...CLASSIFICATION)?.type === 'string');
}
