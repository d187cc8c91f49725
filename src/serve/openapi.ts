/**
 * The OpenAPI 3.1 document, built from the route table (routes.ts) and the schemas below: a route's
 * parameters, body and responses are written once, next to its handler.
 */
import type { ParamSchema, ParamSpec } from './params.js';

export type JsonSchema = Record<string, unknown>;

export interface RouteDoc {
  method: 'get' | 'post' | 'patch' | 'delete';
  /** hono path: `/api/reports/:id`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  params?: readonly ParamSpec[];
  requestBody?: { required: boolean; content: Record<string, { schema: JsonSchema }>; description?: string };
  /** Status → description and content (media type → schema). */
  responses: Record<string, { description: string; content?: Record<string, { schema: JsonSchema }> }>;
}

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
export const json = (schema: JsonSchema) => ({ 'application/json': { schema } });
export const jsonRef = (name: string) => json(ref(name));

/** The error responses a route can give, by status. */
export const errors = (...statuses: (400 | 404 | 413 | 415 | 422)[]) => {
  const words: Record<number, string> = {
    400: '参数错误',
    404: '不存在',
    413: '上传文件过大',
    415: '不支持的文件类型',
    422: '文件无法读取或不是决算公开文档',
  };
  const out: RouteDoc['responses'] = {};
  for (const s of statuses) out[String(s)] = { description: words[s]!, content: jsonRef('Error') };
  out['500'] = { description: '服务器内部错误', content: jsonRef('Error') };
  return out;
};

const nullable = (type: string) => ({ type: [type, 'null'] });

export const SCHEMAS: Record<string, JsonSchema> = {
  Error: {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message'],
        properties: { code: { type: 'string', description: '错误代码' }, message: { type: 'string', description: '中文说明' } },
      },
    },
  },
  ReportSummary: {
    type: 'object',
    required: ['id', 'entity', 'region', 'year', 'kind', 'scope', 'template', 'title', 'filename', 'errors', 'warnings', 'infos', 'updatedAt'],
    properties: {
      id: { type: 'integer' },
      entity: { type: 'string', description: '单位名称' },
      region: { ...nullable('string'), description: '地区（省/市），无法判断时为 null' },
      year: { type: 'integer' },
      kind: { type: 'string', description: 'final-accounts | budget | performance-evaluation' },
      scope: { ...nullable('string'), description: 'department（部门）| unit（单位）' },
      template: { ...nullable('string'), description: 'gd | sx | sc' },
      title: { type: 'string' },
      filename: nullable('string'),
      errors: { type: 'integer' },
      warnings: { type: 'integer' },
      infos: { type: 'integer' },
      updatedAt: { type: 'string', format: 'date-time' },
    },
  },
  ReportList: {
    type: 'object',
    required: ['total', 'items'],
    properties: { total: { type: 'integer', description: '符合条件的报告总数' }, items: { type: 'array', items: ref('ReportSummary') } },
  },
  Finding: {
    type: 'object',
    required: ['ruleId', 'severity', 'status', 'location', 'message'],
    properties: {
      ruleId: { type: 'string' },
      severity: { enum: ['error', 'warning', 'info'] },
      status: { enum: ['fail', 'round', 'not_applicable', 'insufficient_data'] },
      location: {
        type: 'object',
        properties: {
          table: { type: 'string' },
          row: { type: 'string' },
          column: { type: 'string' },
          span: { type: 'object' },
          page: { type: 'integer' },
          box: { type: 'object' },
          sheet: { type: 'string' },
          cell: { type: 'string' },
        },
      },
      expected: { type: ['number', 'string', 'null'] },
      actual: { type: ['number', 'string', 'null'] },
      difference: nullable('number'),
      tolerance: nullable('number'),
      messageId: { type: 'string' },
      message: { type: 'string', description: '中文说明' },
      related: { type: 'array', items: { type: 'string' } },
    },
  },
  Report: {
    type: 'object',
    description: '识别出的报告（juesuan extract 的 JSON，schema 为 juesuan/report@1）',
    required: ['schema', 'title', 'entity', 'year', 'tables'],
    properties: {
      schema: { const: 'juesuan/report@1' },
      title: { type: 'string' },
      entity: { type: 'string' },
      year: { type: 'integer' },
      moneyUnit: { type: 'string' },
      tables: { type: 'array', items: { type: 'object' } },
      facts: { type: 'array', items: { type: 'object' } },
      sections: { type: 'array', items: { type: 'object' } },
    },
  },
  SourceInfo: {
    type: ['object', 'null'],
    properties: { filename: nullable('string'), sha256: nullable('string'), size: nullable('integer') },
  },
  ReportDetail: {
    type: 'object',
    required: ['summary', 'report', 'findings', 'source'],
    properties: { summary: ref('ReportSummary'), report: ref('Report'), findings: { type: 'array', items: ref('Finding') }, source: ref('SourceInfo') },
  },
  UploadResult: {
    type: 'object',
    required: ['report', 'duplicate'],
    properties: { report: ref('ReportSummary'), duplicate: { type: 'boolean', description: '同一文件（SHA-256 相同）此前已导入' } },
  },
  UploadResults: {
    type: 'object',
    required: ['results'],
    properties: {
      results: {
        type: 'array',
        items: {
          type: 'object',
          required: ['filename'],
          properties: {
            filename: { type: 'string' },
            report: ref('ReportSummary'),
            duplicate: { type: 'boolean' },
            error: { $ref: '#/components/schemas/Error/properties/error' },
          },
        },
      },
    },
  },
  EditResult: {
    type: 'object',
    required: ['summary', 'findings'],
    properties: { summary: ref('ReportSummary'), findings: { type: 'array', items: ref('Finding') } },
  },
  CellEdit: {
    type: 'object',
    required: ['table', 'row', 'column', 'value'],
    properties: {
      table: { type: 'string', description: '表号，如 01' },
      row: { type: 'string', description: '行键（row.key）' },
      column: { type: 'string', description: '列键' },
      value: { type: ['number', 'string', 'null'], description: '金额（报告的金额单位），null 表示空白；字符串按打印格式解析，如 "1,234.50"' },
    },
  },
  TextEdit: {
    type: 'object',
    required: ['path', 'value'],
    properties: { path: { type: 'string', description: '文字在报告中的位置（JSON Pointer）：/title、/entity、/sections/0/title、/sections/0/paragraphs/1/text、/tables/3/rows/12/name' }, value: { type: 'string' } },
  },
  AuditList: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: { type: 'object' } } } },
  Comparison: { type: 'object', description: '比较数据（合计、功能分类类级结构、基本/项目支出、“三公”经费、人均等）' },
  Region: {
    type: 'object',
    required: ['region', 'count'],
    properties: { region: { type: 'string', description: '省级名称，或 省/市' }, count: { type: 'integer', description: '报告数' } },
  },
  Entity: {
    type: 'object',
    required: ['entity', 'region', 'years'],
    properties: { entity: { type: 'string' }, region: nullable('string'), years: { type: 'array', items: { type: 'integer' } } },
  },
  Scores: {
    type: 'object',
    required: ['id', 'scheme', 'evaluations'],
    description: '绩效自评重算（与 juesuan score --format json 的 evaluations 相同；数值为精确值四舍五入后的 JSON 数字）',
    properties: {
      id: { type: 'integer', description: '报告编号' },
      scheme: { ...nullable('string'), description: '请求的评分方案；null 为按各自评本身判断' },
      evaluations: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'name', 'kind', 'form', 'scheme', 'printed', 'recomputed', 'indicators'],
          properties: {
            id: { type: 'string', description: '自评编号（E1、E2……），与校验问题的 location.evaluation 对应' },
            name: { type: 'string', description: '项目或部门名称' },
            kind: { enum: ['project', 'department'] },
            form: { enum: ['table', 'prose', 'report'], description: '自评表、文字说明或自评报告' },
            scheme: { type: 'string', description: '所用评分方案' },
            printed: { type: 'object', description: '印刷的总分与等级', properties: { total: nullable('number'), grade: nullable('string'), grade_normalised: nullable('string'), grade_of_total: nullable('string') } },
            stated: { type: 'array', items: { type: 'object' }, description: '文字中所述的得分与等级' },
            recomputed: { type: ['object', 'null'], description: '按表内预算数重算：total、total_text、grade' },
            recomputed_stated: { type: ['object', 'null'], description: '按文字所述预算数/执行率重算' },
            by_indicators: { type: ['object', 'null'], description: '按指标逐项重算的区间 lo–hi 与可能的等级' },
            execution: { type: ['object', 'null'], description: '资金执行：预算数、执行数、执行率（重算/印刷）、分值、得分' },
            execution_stated: { type: ['object', 'null'], description: '按文字所述的资金执行' },
            indicators: { type: 'array', items: { type: 'object' }, description: '绩效指标：一级、二级、三级、目标、实际、分值、印刷得分、重算得分、说明' },
            department: { type: ['object', 'null'], description: '部门整体自评的评分维度与评分项' },
            notes: { type: 'array', items: { type: 'string' } },
          },
        },
      },
    },
  },
  Health: {
    type: 'object',
    required: ['status'],
    properties: { status: { const: 'ok' }, version: { type: 'string' }, reports: { type: 'integer' } },
  },
};

function paramSchema(s: ParamSchema): JsonSchema {
  return { ...s };
}

/** hono `/api/reports/:id` → OpenAPI `/api/reports/{id}`. */
export const openApiPath = (path: string) => path.replace(/:([A-Za-z_]\w*)/g, '{$1}');

export function openApiDocument(routes: readonly RouteDoc[], version: string): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const op: Record<string, unknown> = { operationId: r.operationId, summary: r.summary, tags: r.tags, responses: r.responses };
    if (r.description) op['description'] = r.description;
    if (r.params?.length) {
      op['parameters'] = r.params.map((p) => ({
        name: p.name,
        in: p.in,
        required: p.in === 'path' ? true : Boolean(p.required),
        description: p.description,
        schema: paramSchema(p.schema),
        ...(p.schema.type === 'array' ? { style: 'form', explode: true } : {}),
      }));
    }
    if (r.requestBody) op['requestBody'] = r.requestBody;
    (paths[openApiPath(r.path)] ??= {})[r.method] = op;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '决算通 API',
      version,
      description: '部门决算公开文档的导入、检索、校验、修改、下载与比较。错误统一为 { error: { code, message } }，message 为中文。',
    },
    servers: [{ url: '/' }],
    tags: [
      { name: '报告', description: '导入、检索、查看、修改、校验、下载、删除' },
      { name: '比较', description: '同一单位跨年度、同一年度多单位' },
      { name: '筛选', description: '地区与单位列表' },
      { name: '系统', description: '健康检查与本文档' },
    ],
    paths,
    components: { schemas: SCHEMAS },
  };
}
