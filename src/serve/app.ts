/**
 * The HTTP API of the workbench: one table of routes (method, path, parameters, body, responses,
 * handler). The same table registers the hono routes, validates parameters and writes the OpenAPI
 * document, so the document cannot drift from what the server does.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { SCHEME_IDS, scoreReport, scoresToJsonData } from '../check/performance/index.js';
import { parseAmount, toNumber } from '../model/amount.js';
import type { Report } from '../model/report.js';
import { comparisonWorkbook } from './compare-xlsx.js';
import { DOWNLOAD_FORMATS, FORMAT_MEDIA, downloadName, renderDownload, type DownloadFormat } from './download.js';
import { ApiError, badRequest, errorResponse, notFound, toApiError } from './errors.js';
import { errors, json, jsonRef, openApiDocument, type RouteDoc } from './openapi.js';
import { readParams, type ParamSpec, type ParamValue } from './params.js';
import { contentDisposition, MEDIA_TYPES, sniffUpload } from './sniff.js';
import { defaultWebRoot, staticFile } from './static.js';
import type { ReportFilter, Store } from '../store/index.js';

export const API_VERSION = '0.1.0';
export const DEFAULT_MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

export interface AppOptions {
  /** Largest upload accepted, per request, in bytes (default 50 MiB). */
  maxUploadBytes?: number;
  /** Folder of the built web app (default: dist/web of this package); `false` serves no web app. */
  webRoot?: string | false;
  /** Called with an unexpected error (a 500), for the server's log; never sent to the client. */
  onError?: (error: unknown, c: Context) => void;
}

type Params = Record<string, ParamValue>;
interface Route extends RouteDoc {
  handler: (c: Context, p: Params) => Promise<Response>;
  /** Middleware run before parameters are read (the upload's size limit). */
  before?: 'upload';
}

const ID: ParamSpec = { name: 'id', in: 'path', required: true, description: '报告编号', schema: { type: 'integer', minimum: 1, maximum: 2 ** 31 - 1 } };
const YEAR = { type: 'integer', minimum: 1990, maximum: 2100 } as const;
const NAME = { type: 'string', maxLength: 200 } as const;
const COMPARE_FORMAT: ParamSpec = { name: 'format', in: 'query', description: '输出格式：json（默认）或 xlsx（Excel 导出）', schema: { type: 'string', enum: ['json', 'xlsx'], default: 'json' } };

const XLSX_MEDIA = FORMAT_MEDIA.xlsx;
const binary = (media: string) => ({ [media]: { schema: { type: 'string', contentMediaType: media } } });

export function createApp(store: Store, options: AppOptions = {}): Hono {
  const maxUpload = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const webRoot = options.webRoot === false ? undefined : (options.webRoot ?? defaultWebRoot());
  const actorOf = (c: Context) => {
    const raw = c.req.header('x-juesuan-user');
    return raw ? decodeURIComponentSafe(raw).slice(0, 100) : '工作台';
  };
  const requireReport = async (id: number) => {
    const rows = await store.sql.query<{ id: number }>('select id from reports where id = $1', [id]);
    if (rows.length === 0) throw notFound(`报告 ${id} 不存在`);
  };

  const routes: Route[] = [
    {
      method: 'get',
      path: '/api/health',
      operationId: 'health',
      summary: '健康检查',
      tags: ['系统'],
      responses: { '200': { description: '服务正常', content: jsonRef('Health') } },
      handler: async (c) => {
        const [row] = await store.sql.query<{ n: number | string }>('select count(*) as n from reports');
        return c.json({ status: 'ok', version: API_VERSION, reports: Number(row?.n ?? 0) });
      },
    },
    {
      method: 'get',
      path: '/api/openapi.json',
      operationId: 'openapi',
      summary: '本 API 的 OpenAPI 3.1 文档',
      tags: ['系统'],
      responses: { '200': { description: 'OpenAPI 文档', content: json({ type: 'object' }) } },
      handler: async (c) => c.json(document),
    },
    {
      method: 'get',
      path: '/api/reports',
      operationId: 'listReports',
      summary: '检索报告（全文、单位、地区、年度、类型、是否有错误）',
      tags: ['报告'],
      params: [
        { name: 'q', in: 'query', description: '关键词（单位名称、标题、文件名）', schema: NAME },
        { name: 'entity', in: 'query', description: '单位名称', schema: NAME },
        { name: 'region', in: 'query', description: '地区', schema: NAME },
        { name: 'year', in: 'query', description: '年度', schema: YEAR },
        { name: 'kind', in: 'query', description: '报告类型', schema: { type: 'string', enum: ['final-accounts', 'budget', 'performance-evaluation'] } },
        { name: 'hasErrors', in: 'query', description: '只看有（true）或没有（false）错误的报告', schema: { type: 'boolean' } },
        { name: 'limit', in: 'query', description: '每页条数', schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 } },
        { name: 'offset', in: 'query', description: '跳过条数', schema: { type: 'integer', minimum: 0, maximum: 10_000_000, default: 0 } },
        { name: 'sort', in: 'query', description: '排序：updated（最近修改，默认）、year、entity、errors；前加 - 为倒序', schema: { type: 'string', enum: ['updated', '-updated', 'year', '-year', 'entity', '-entity', 'errors', '-errors'] } },
      ],
      responses: { '200': { description: '报告列表（不含报告正文）', content: jsonRef('ReportList') }, ...errors(400) },
      handler: async (c, p) => {
        const filter: ReportFilter = {};
        for (const key of ['q', 'entity', 'region', 'kind', 'sort'] as const) if (typeof p[key] === 'string') filter[key] = (p[key] as string).trim();
        for (const key of ['year', 'limit', 'offset'] as const) if (typeof p[key] === 'number') filter[key] = p[key] as number;
        if (typeof p['hasErrors'] === 'boolean') filter.hasErrors = p['hasErrors'];
        return c.json(await store.listReports(filter));
      },
    },
    {
      method: 'post',
      path: '/api/reports',
      operationId: 'uploadReports',
      summary: '上传并导入决算文档（PDF、Excel、Word、HTML、文本）',
      description: `multipart/form-data，字段 file，可一次上传多个文件（多个 file 字段）。一个文件时返回 201 和 {report, duplicate}；多个文件时返回 200 和每个文件的结果。请求总大小上限默认 50 MiB。`,
      tags: ['报告'],
      before: 'upload',
      requestBody: {
        required: true,
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              required: ['file'],
              properties: { file: { oneOf: [{ type: 'string', contentMediaType: 'application/octet-stream' }, { type: 'array', items: { type: 'string', contentMediaType: 'application/octet-stream' } }] } },
            },
          },
        },
      },
      responses: {
        '201': { description: '已导入（一个文件）', content: jsonRef('UploadResult') },
        '200': { description: '每个文件的导入结果（多个文件）', content: jsonRef('UploadResults') },
        ...errors(400, 413, 415, 422),
      },
      handler: async (c) => {
        const files = await uploadedFiles(c);
        if (files.length === 1) {
          const result = await importOne(files[0]!);
          return c.json(result, 201);
        }
        const results = [];
        for (const file of files) {
          try {
            results.push({ filename: file.name, ...(await importOne(file)) });
          } catch (error) {
            const e = toApiError(error);
            if (e.status >= 500) options.onError?.(error, c);
            results.push({ filename: file.name, error: { code: e.code, message: e.message } });
          }
        }
        return c.json({ results }, 200);
      },
    },
    {
      method: 'get',
      path: '/api/reports/:id',
      operationId: 'getReport',
      summary: '报告详情：表格、数字事实、校验问题、来源文件',
      tags: ['报告'],
      params: [ID],
      responses: { '200': { description: '报告详情', content: jsonRef('ReportDetail') }, ...errors(400, 404) },
      handler: async (c, p) => {
        const detail = await store.getReport(p['id'] as number);
        if (!detail) throw notFound(`报告 ${p['id']} 不存在`);
        return c.json(detail);
      },
    },
    {
      method: 'get',
      path: '/api/reports/:id/scores',
      operationId: 'scores',
      summary: '绩效自评重算：每个自评的印刷总分、等级与按评分方案重算的执行率得分、指标得分、总分、等级（与 juesuan score --format json 相同）',
      tags: ['报告'],
      params: [ID, { name: 'scheme', in: 'query', description: '评分方案', schema: { type: 'string', enum: SCHEME_IDS } }],
      responses: { '200': { description: '每个绩效自评的印刷与重算得分（报告没有绩效自评时 evaluations 为空数组）', content: jsonRef('Scores') }, ...errors(400, 404) },
      handler: async (c, p) => {
        const id = p['id'] as number;
        const detail = await store.getReport(id);
        if (!detail) throw notFound(`报告 ${id} 不存在`);
        const scheme = p['scheme'] as string | undefined;
        return c.json({ id, scheme: scheme ?? null, evaluations: scoresToJsonData(scoreReport(detail.report, scheme)) });
      },
    },
    {
      method: 'patch',
      path: '/api/reports/:id/cells',
      operationId: 'editCell',
      summary: '修改一个单元格，随即重新校验',
      tags: ['报告'],
      params: [ID],
      requestBody: { required: true, content: jsonRef('CellEdit') },
      responses: { '200': { description: '修改后的摘要与校验问题', content: jsonRef('EditResult') }, ...errors(400, 404) },
      handler: async (c, p) => {
        const body = await jsonBody(c);
        const edit = {
          table: requiredString(body, 'table', '表号'),
          row: requiredString(body, 'row', '行'),
          column: requiredString(body, 'column', '列'),
          value: amountValue(body['value']),
        };
        await requireReport(p['id'] as number);
        return c.json(await store.editCell(p['id'] as number, edit, actorOf(c)));
      },
    },
    {
      method: 'patch',
      path: '/api/reports/:id/text',
      operationId: 'editText',
      summary: '修改一段文字（标题、情况说明等），随即重新校验',
      tags: ['报告'],
      params: [ID],
      requestBody: { required: true, content: jsonRef('TextEdit') },
      responses: { '200': { description: '修改后的摘要与校验问题', content: jsonRef('EditResult') }, ...errors(400, 404) },
      handler: async (c, p) => {
        const body = await jsonBody(c);
        const path = requiredString(body, 'path', '文字位置');
        const value = body['value'];
        if (typeof value !== 'string') throw badRequest('value（修改后的文字）应为字符串');
        if (value.length > 1_000_000) throw badRequest('文字过长（最多 1,000,000 个字符）');
        await requireReport(p['id'] as number);
        return c.json(await store.editText(p['id'] as number, { path, value }, actorOf(c)));
      },
    },
    {
      method: 'post',
      path: '/api/reports/:id/check',
      operationId: 'recheck',
      summary: '按当前规则重新校验',
      tags: ['报告'],
      params: [ID],
      responses: { '200': { description: '新的摘要与校验问题', content: jsonRef('EditResult') }, ...errors(400, 404) },
      handler: async (c, p) => {
        await requireReport(p['id'] as number);
        return c.json(await store.recheck(p['id'] as number, actorOf(c)));
      },
    },
    {
      method: 'get',
      path: '/api/reports/:id/download',
      operationId: 'download',
      summary: '下载：报告 JSON、生成的公开文档（md、html、docx、xlsx、pdf）或原始文件（source）',
      tags: ['报告'],
      params: [ID, { name: 'format', in: 'query', required: true, description: '格式', schema: { type: 'string', enum: DOWNLOAD_FORMATS } }],
      responses: {
        '200': {
          description: '文件（Content-Disposition 带 UTF-8 文件名）',
          content: { ...binary(FORMAT_MEDIA.json), ...binary('text/markdown'), ...binary('text/html'), ...binary(FORMAT_MEDIA.docx), ...binary(XLSX_MEDIA), ...binary('application/pdf'), ...binary('application/octet-stream') },
        },
        ...errors(400, 404),
      },
      handler: async (c, p) => {
        const id = p['id'] as number;
        const format = p['format'] as DownloadFormat;
        if (format === 'source') {
          const source = await store.getSource(id);
          if (!source) throw notFound(`报告 ${id} 没有保存原始文件`);
          const kind = sniffUpload(source.bytes);
          const type = source.mediaType || (kind ? MEDIA_TYPES[kind] : 'application/octet-stream');
          return fileResponse(source.bytes, type, source.filename || `报告${id}`);
        }
        const detail = await store.getReport(id);
        if (!detail) throw notFound(`报告 ${id} 不存在`);
        const prior = format === 'json' ? undefined : await priorReport(detail.report);
        const bytes = await renderDownload(detail.report, format, prior);
        return fileResponse(bytes, FORMAT_MEDIA[format], downloadName(detail.report, format));
      },
    },
    {
      method: 'get',
      path: '/api/reports/:id/audit',
      operationId: 'audit',
      summary: '修改记录（谁、何时、改了什么、改前改后）',
      tags: ['报告'],
      params: [ID],
      responses: { '200': { description: '修改记录，最新在前或按时间顺序（以存储为准）', content: jsonRef('AuditList') }, ...errors(400, 404) },
      handler: async (c, p) => {
        // A deleted report keeps its audit (create … delete); only an id never used is a 404.
        const items = await store.audit(p['id'] as number);
        if (items.length === 0) await requireReport(p['id'] as number);
        return c.json({ items });
      },
    },
    {
      method: 'delete',
      path: '/api/reports/:id',
      operationId: 'deleteReport',
      summary: '删除报告（及其单元格、事实、校验问题）',
      tags: ['报告'],
      params: [ID],
      responses: { '200': { description: '已删除', content: json({ type: 'object', required: ['deleted'], properties: { deleted: { type: 'integer' } } }) }, ...errors(400, 404) },
      handler: async (c, p) => {
        if (!(await store.deleteReport(p['id'] as number, actorOf(c)))) throw notFound(`报告 ${p['id']} 不存在`);
        return c.json({ deleted: p['id'] });
      },
    },
    {
      method: 'get',
      path: '/api/compare/entity',
      operationId: 'compareEntity',
      summary: '同一单位跨年度比较',
      tags: ['比较'],
      params: [{ name: 'entity', in: 'query', required: true, description: '单位名称', schema: { ...NAME, minLength: 1 } }, COMPARE_FORMAT],
      responses: { '200': { description: '比较数据，或 format=xlsx 时的 Excel 文件', content: { ...jsonRef('Comparison'), ...binary(XLSX_MEDIA) } }, ...errors(400, 404) },
      handler: async (c, p) => {
        const entity = (p['entity'] as string).trim();
        const data = await store.compareEntityYears(entity);
        if (isEmptyComparison(data)) throw notFound(`没有单位“${entity}”的报告`);
        if (p['format'] === 'xlsx') return fileResponse(await comparisonWorkbook(`${entity}历年决算比较`, data), XLSX_MEDIA, `${safeName(entity)}历年决算比较.xlsx`);
        return c.json(data as object);
      },
    },
    {
      method: 'get',
      path: '/api/compare/year',
      operationId: 'compareYear',
      summary: '同一年度多个单位比较',
      tags: ['比较'],
      params: [
        { name: 'year', in: 'query', required: true, description: '年度', schema: YEAR },
        { name: 'entity', in: 'query', description: '单位名称（可重复；省略为该年度全部单位）', schema: { type: 'array', items: { type: 'string', maxLength: 200 }, maxItems: 200 } },
        COMPARE_FORMAT,
      ],
      responses: { '200': { description: '比较数据，或 format=xlsx 时的 Excel 文件', content: { ...jsonRef('Comparison'), ...binary(XLSX_MEDIA) } }, ...errors(400, 404) },
      handler: async (c, p) => {
        const year = p['year'] as number;
        const entities = p['entity'] as string[] | undefined;
        const data = await store.compareYear(year, entities);
        if (isEmptyComparison(data)) throw notFound(`${year} 年度没有可比较的报告`);
        if (p['format'] === 'xlsx') return fileResponse(await comparisonWorkbook(`${year}年度决算比较`, data), XLSX_MEDIA, `${year}年度决算比较.xlsx`);
        return c.json(data as object);
      },
    },
    {
      method: 'get',
      path: '/api/regions',
      operationId: 'regions',
      summary: '地区列表（带报告数与单位数），用于筛选',
      tags: ['筛选'],
      responses: { '200': { description: '地区', content: json({ type: 'object', required: ['items'], properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Region' } } } }) } },
      handler: async (c) => c.json({ items: await store.regions() }),
    },
    {
      method: 'get',
      path: '/api/entities',
      operationId: 'entities',
      summary: '单位列表（按名称搜索），用于筛选与比较',
      tags: ['筛选'],
      params: [
        { name: 'q', in: 'query', description: '单位名称中的文字', schema: NAME },
        { name: 'limit', in: 'query', description: '最多条数', schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } },
      ],
      responses: { '200': { description: '单位', content: json({ type: 'object', required: ['items'], properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Entity' } } } }) }, ...errors(400) },
      handler: async (c, p) => {
        const q = typeof p['q'] === 'string' ? p['q'].trim() : '';
        return c.json({ items: await store.entities(q || undefined, p['limit'] as number) });
      },
    },
  ];

  async function importOne(file: File) {
    if (file.size > maxUpload) throw new ApiError(413, 'too_large', `文件“${file.name}”过大（${formatBytes(file.size)}），上限 ${formatBytes(maxUpload)}`);
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (bytes.length === 0) throw new ApiError(422, 'empty', `文件“${file.name}”为空`);
    if (!sniffUpload(bytes)) {
      throw new ApiError(415, 'unsupported_type', `不支持的文件类型：“${file.name}”不是 PDF、Excel（.xlsx/.xls）、Word（.docx）、HTML 或文本文件`);
    }
    return store.importFile(bytes, file.name || '上传文件');
  }

  async function priorReport(report: Report): Promise<Report | undefined> {
    const { items } = await store.listReports({ entity: report.entity, year: report.year - 1, limit: 1 });
    const id = items.find((s) => s.entity === report.entity && s.year === report.year - 1)?.id;
    return id === undefined ? undefined : (await store.getReport(id))?.report;
  }

  const document = openApiDocument(routes, API_VERSION);
  const app = new Hono();

  app.onError((error, c) => {
    const e = toApiError(error);
    if (e.status >= 500) options.onError?.(error, c);
    return errorResponse(c, e);
  });
  app.notFound((c) => errorResponse(c, notFound(`没有这个接口：${c.req.method} ${c.req.path}`)));

  const uploadLimit = bodyLimit({
    maxSize: maxUpload,
    // The rest of the body is not read: the connection is closed after the answer, so that the client
    // does not send its next request on a socket still full of this one (undici: "other side closed").
    onError: (c) => {
      const res = errorResponse(c, new ApiError(413, 'too_large', `上传内容过大，上限 ${formatBytes(maxUpload)}`));
      res.headers.set('Connection', 'close');
      return res;
    },
  });
  for (const route of routes) {
    const handle = async (c: Context) => route.handler(c, readParams(c, route.params ?? []));
    if (route.before === 'upload') app.on(route.method.toUpperCase(), route.path, uploadLimit, handle);
    else app.on(route.method.toUpperCase(), route.path, handle);
  }

  // The web app: any GET outside /api is a file of dist/web or the app's index.html.
  app.on(['GET', 'HEAD'], '*', async (c) => {
    if (c.req.path === '/api' || c.req.path.startsWith('/api/')) throw notFound(`没有这个接口：${c.req.method} ${c.req.path}`);
    const file = webRoot ? await staticFile(webRoot, c.req.path) : undefined;
    if (!file) {
      if (c.req.path === '/' || c.req.path === '/index.html') {
        return c.html('<!doctype html><meta charset="utf-8"><title>决算通</title><p>网页工作台尚未构建（npm run build:web），API 位于 <a href="/api/openapi.json">/api/openapi.json</a>。</p>', 404);
      }
      throw notFound(`文件不存在：${c.req.path}`);
    }
    return c.body(file.body as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': file.type, 'Cache-Control': file.cache });
  });
  return app;
}

async function uploadedFiles(c: Context): Promise<File[]> {
  const type = c.req.header('content-type') ?? '';
  if (!type.toLowerCase().startsWith('multipart/form-data')) throw badRequest('请以 multipart/form-data 上传文件（字段名 file）');
  let body: Record<string, unknown>;
  try {
    body = (await c.req.parseBody({ all: true })) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw badRequest('上传内容无法解析（multipart/form-data 格式错误）');
  }
  const field = body['file'];
  const files = (Array.isArray(field) ? field : field === undefined ? [] : [field]).filter((f): f is File => typeof f === 'object' && f !== null && 'arrayBuffer' in f);
  if (files.length === 0) throw badRequest('没有收到文件：请用字段名 file 上传');
  if (files.length > 100) throw badRequest('一次最多上传 100 个文件');
  return files;
}

async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw badRequest('请求体应为 JSON 对象');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('请求体应为 JSON 对象');
  return body as Record<string, unknown>;
}

function requiredString(body: Record<string, unknown>, key: string, label: string): string {
  const v = body[key];
  if (typeof v !== 'string' || v.trim() === '') throw badRequest(`缺少${label}（${key}），应为非空字符串`);
  if (v.length > 200) throw badRequest(`${label}（${key}）过长`);
  return v;
}

/** A cell value: a number, a printed amount ("1,234.50", "——" → null) or null. */
function amountValue(v: unknown): number | null {
  if (v === null) return null;
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || Math.abs(v) > 1e15) throw badRequest('金额（value）超出范围');
    return v;
  }
  if (typeof v === 'string') {
    const text = v.trim();
    if (text === '' || /^[-—–]+$/.test(text)) return null;
    const amount = parseAmount(text);
    if (!amount) throw badRequest(`金额（value）无法识别：“${text.slice(0, 40)}”`);
    return toNumber(amount);
  }
  throw badRequest('缺少金额（value），应为数字、金额文字或 null');
}

function fileResponse(bytes: Uint8Array, type: string, filename: string): Response {
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: { 'Content-Type': type, 'Content-Disposition': contentDisposition(filename), 'Content-Length': String(bytes.length), 'Cache-Control': 'no-store' },
  });
}

function isEmptyComparison(data: unknown): boolean {
  if (data === null || data === undefined) return true;
  if (Array.isArray(data)) return data.length === 0;
  if (typeof data === 'object') {
    const o = data as Record<string, unknown>;
    for (const key of ['years', 'entities', 'rows', 'items', 'reports']) if (Array.isArray(o[key])) return (o[key] as unknown[]).length === 0;
  }
  return false;
}

const safeName = (s: string) => s.replace(/[\\/:*?"<>|\r\n\t]+/g, '_').slice(0, 100);

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} 字节`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

