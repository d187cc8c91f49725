/**
 * DisclosureDocument → PDF: the HTML page of ./html.ts printed by Chromium (playwright-core), on A4
 * with the page number in the footer and the title in the header. The body font is WenQuanYi Micro
 * Hei first, at its one (regular) weight: Chromium embeds it as a CID TrueType subset whose text
 * layer extracts back as the printed characters, whereas CFF-based faces (Noto CJK) and synthetic
 * bold come out as Type 3 glyphs.
 *
 * A `PdfRenderer` keeps one browser for many documents; `renderPdf` launches and closes one.
 * Chromium is never downloaded: the system's (/usr/bin/chromium), or JUESUAN_CHROMIUM.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import type { DisclosureDocument } from '../document/model.js';
import { JuesuanError } from '../../model/errors.js';
import { renderHtml } from './html.js';
import { escapeHtml } from './shared.js';

/** Fonts whose glyphs extract back from Chromium's PDF as the characters printed. */
export const PDF_FONTS = ['WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Noto Serif CJK SC'];

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export interface PdfRendererOptions {
  /** Path of the Chromium executable (default: JUESUAN_CHROMIUM, else /usr/bin/chromium …). */
  executablePath?: string;
  /** Milliseconds allowed for one document (default 120 000). */
  timeoutMs?: number;
  /** Font families, first choice first (default PDF_FONTS). */
  fonts?: string[];
}

export function chromiumPath(explicit?: string): string {
  const path = explicit ?? process.env['JUESUAN_CHROMIUM'] ?? CHROMIUM_CANDIDATES.find((p) => existsSync(p));
  if (!path || !existsSync(path)) {
    throw new JuesuanError('unsupported_format', `生成 PDF 需要 Chromium 浏览器，未找到${path ? `：${path}` : '（可设置环境变量 JUESUAN_CHROMIUM 指向其可执行文件）'}`);
  }
  return path;
}

/** One Chromium for many documents: `render` each, then `close`. */
export class PdfRenderer {
  private browser: Promise<Browser> | undefined;
  private readonly options: PdfRendererOptions;

  constructor(options: PdfRendererOptions = {}) {
    this.options = options;
  }

  private launch(): Promise<Browser> {
    this.browser ??= (async () => {
      const { chromium } = await import('playwright-core');
      return chromium.launch({
        executablePath: chromiumPath(this.options.executablePath),
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      });
    })();
    return this.browser;
  }

  async render(doc: DisclosureDocument): Promise<Uint8Array> {
    const browser = await this.launch();
    const fonts = this.options.fonts ?? PDF_FONTS;
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(this.options.timeoutMs ?? 120_000);
      // The page is self-contained: nothing is fetched (no network for a generated document).
      await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
      await page.setContent(renderHtml(doc, { fonts, bold: false }), { waitUntil: 'load' });
      await page.evaluate('document.fonts.ready');
      const small = `font-family: ${fonts.map((f) => `'${f}'`).join(', ')}; font-size: 8pt; color: #444; width: 100%; margin: 0 12mm;`;
      const pdf = await page.pdf({
        format: 'A4',
        preferCSSPageSize: true,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: `<div style="${small} text-align: right;">${escapeHtml(doc.title)}</div>`,
        footerTemplate: `<div style="${small} text-align: center;">第 <span class="pageNumber"></span> 页 共 <span class="totalPages"></span> 页</div>`,
        tagged: true,
        outline: true,
      });
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } finally {
      await context.close();
    }
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = undefined;
    if (browser) await (await browser).close();
  }
}

/** Print one document (launches Chromium and closes it; use PdfRenderer for many). */
export async function renderPdf(doc: DisclosureDocument, options: PdfRendererOptions = {}): Promise<Uint8Array> {
  const renderer = new PdfRenderer(options);
  try {
    return await renderer.render(doc);
  } finally {
    await renderer.close();
  }
}
