/**
 * Severity and tolerance are data: a JSON file can override them per rule, or turn a rule off.
 *
 *   { "rules": { "X-R20": { "severity": "info" }, "T01-R5": { "tolerance": 0.02 }, "C-R9": "off" } }
 *
 * A tolerance given as a number is absolute, in the document's money unit; "envelope" restores the
 * rounding envelope of rules.md §3.
 */
import { readFileSync } from 'node:fs';
import type { Severity } from '../model/finding.js';
import { JuesuanError } from '../model/errors.js';
import type { RuleMeta, Tolerance } from './types.js';

export interface RuleOverride {
  severity?: Severity;
  tolerance?: number | 'envelope' | 'exact';
}

export interface CheckConfig {
  rules?: Record<string, RuleOverride | 'off'>;
}

const SEVERITIES = new Set(['error', 'warning', 'info']);

/** Validate a parsed config; `source` names it in messages. */
export function parseConfig(value: unknown, source: string, knownIds: Set<string>): CheckConfig {
  const fail = (why: string): never => {
    throw new JuesuanError('bad_config', `配置文件 ${source} 有误：${why}`, source);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('应为 JSON 对象');
  const rules = (value as { rules?: unknown }).rules;
  if (rules === undefined) return {};
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) fail('"rules" 应为对象');
  const out: Record<string, RuleOverride | 'off'> = {};
  for (const [id, o] of Object.entries(rules as Record<string, unknown>)) {
    if (!knownIds.has(id)) fail(`没有编号为 ${id} 的规则`);
    if (o === 'off') {
      out[id] = 'off';
      continue;
    }
    if (typeof o !== 'object' || o === null) fail(`${id} 的设置应为对象或 "off"`);
    const { severity, tolerance, ...rest } = o as Record<string, unknown>;
    if (Object.keys(rest).length > 0) fail(`${id} 有未知设置项 ${Object.keys(rest).join('、')}`);
    if (severity !== undefined && !SEVERITIES.has(severity as string)) fail(`${id} 的 severity 应为 error、warning 或 info`);
    if (tolerance !== undefined && !(typeof tolerance === 'number' && tolerance >= 0) && tolerance !== 'envelope' && tolerance !== 'exact') {
      fail(`${id} 的 tolerance 应为非负数、"envelope" 或 "exact"`);
    }
    out[id] = {
      ...(severity !== undefined ? { severity: severity as Severity } : {}),
      ...(tolerance !== undefined ? { tolerance: tolerance as RuleOverride['tolerance'] } : {}),
    } as RuleOverride;
  }
  return { rules: out };
}

export function loadConfig(path: string, knownIds: Set<string>): CheckConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new JuesuanError('not_found', `配置文件不存在或无法读取：${path}`, path);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new JuesuanError('bad_config', `配置文件 ${path} 不是合法的 JSON：${(e as Error).message}`, path);
  }
  return parseConfig(value, path, knownIds);
}

/** The rule's metadata with the config's overrides applied; undefined when the rule is off. */
export function effectiveMeta(meta: RuleMeta, config: CheckConfig | undefined): RuleMeta | undefined {
  const o = config?.rules?.[meta.id];
  if (o === 'off') return undefined;
  if (!o) return meta;
  let tolerance: Tolerance = meta.tolerance;
  if (typeof o.tolerance === 'number') tolerance = { kind: 'absolute', value: o.tolerance };
  else if (o.tolerance === 'envelope') tolerance = { kind: 'envelope' };
  else if (o.tolerance === 'exact') tolerance = { kind: 'exact' };
  return { ...meta, ...(o.severity ? { severity: o.severity } : {}), tolerance };
}
