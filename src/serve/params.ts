/**
 * Route parameters as data: the same description validates a request and documents it in the
 * OpenAPI document, so the two cannot drift apart.
 */
import type { Context } from 'hono';
import { badRequest } from './errors.js';

export type ParamSchema =
  | { type: 'integer'; minimum?: number; maximum?: number; default?: number }
  | { type: 'string'; enum?: readonly string[]; maxLength?: number; minLength?: number; default?: string }
  | { type: 'boolean' }
  | { type: 'array'; items: { type: 'string'; maxLength?: number }; maxItems?: number };

export interface ParamSpec {
  name: string;
  in: 'path' | 'query';
  required?: boolean;
  /** Chinese label used in error messages and in the document. */
  description: string;
  schema: ParamSchema;
}

export type ParamValue = number | string | boolean | string[] | undefined;

/** Read and validate a route's parameters; a bad value is a 400 with a message naming it. */
export function readParams(c: Context, specs: readonly ParamSpec[]): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const spec of specs) {
    const label = `${spec.description}（${spec.name}）`;
    if (spec.schema.type === 'array') {
      const values = c.req.queries(spec.name)?.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '') ?? [];
      if (values.length === 0 && spec.required) throw badRequest(`缺少参数${label}`);
      if (spec.schema.maxItems !== undefined && values.length > spec.schema.maxItems) throw badRequest(`参数${label}最多 ${spec.schema.maxItems} 个`);
      const max = spec.schema.items.maxLength;
      if (max !== undefined && values.some((v) => v.length > max)) throw badRequest(`参数${label}过长（最多 ${max} 个字符）`);
      out[spec.name] = values.length > 0 ? values : undefined;
      continue;
    }
    const raw = spec.in === 'path' ? c.req.param(spec.name) : c.req.query(spec.name);
    if (raw === undefined || raw === '') {
      if (spec.required) throw badRequest(`缺少参数${label}`);
      out[spec.name] = 'default' in spec.schema ? spec.schema.default : undefined;
      continue;
    }
    out[spec.name] = parseValue(raw, spec.schema, label);
  }
  return out;
}

function parseValue(raw: string, schema: Exclude<ParamSchema, { type: 'array' }>, label: string): ParamValue {
  switch (schema.type) {
    case 'integer': {
      if (!/^-?\d{1,15}$/.test(raw.trim())) throw badRequest(`参数${label}应为整数，而不是“${clip(raw)}”`);
      const n = Number(raw.trim());
      if (schema.minimum !== undefined && n < schema.minimum) throw badRequest(`参数${label}不能小于 ${schema.minimum}`);
      if (schema.maximum !== undefined && n > schema.maximum) throw badRequest(`参数${label}不能大于 ${schema.maximum}`);
      return n;
    }
    case 'boolean': {
      const v = raw.trim().toLowerCase();
      if (v === 'true' || v === '1' || v === 'yes') return true;
      if (v === 'false' || v === '0' || v === 'no') return false;
      throw badRequest(`参数${label}应为 true 或 false，而不是“${clip(raw)}”`);
    }
    case 'string': {
      if (schema.enum && !schema.enum.includes(raw)) throw badRequest(`参数${label}应为 ${schema.enum.join('、')} 之一，而不是“${clip(raw)}”`);
      if (schema.maxLength !== undefined && raw.length > schema.maxLength) throw badRequest(`参数${label}过长（最多 ${schema.maxLength} 个字符）`);
      if (schema.minLength !== undefined && raw.trim().length < schema.minLength) throw badRequest(`参数${label}不能为空`);
      return raw;
    }
  }
}

const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);
