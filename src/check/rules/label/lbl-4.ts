import { functionalClasses, functionalCodes, type FunctionalCode } from '../../../catalog/index.js';
import type { Paragraph, Span } from '../../../model/report.js';
import type { Rule } from '../../types.js';
import { allSections, editDistance, isAbbreviation, joinBroken, nameKey, squeeze } from '../narrative.js';

/** A name up to a level marker; it may hold a short bracketed part, as in 党委办公厅（室）及相关机构事务. */
const NAME = String.raw`(?:[^，。；：:、,;\s（()）]|[（(](?![类款项][)）])[^（()）]{1,6}[)）])+?`;
const ITEM = new RegExp(String.raw`([\u4e00-\u9fa5]{2,24}?)[（(]类[)）](${NAME})[（(]款[)）](?:(${NAME})[（(]项[)）])?`, 'g');

interface Occurrence {
  level: '类' | '款' | '项';
  printed: string;
  expected: string;
  code: string;
  span: Span;
}

/** A misprint or a shortening of one catalogue name: a few characters off, or characters left out. */
function closeTo(printed: string, name: string): number | undefined {
  const a = nameKey(printed);
  const b = nameKey(name);
  if (isAbbreviation(a, b)) return b.length - a.length;
  const d = editDistance(a, b);
  return d <= Math.max(1, Math.floor(Math.min(a.length, b.length) / 8)) ? d : undefined;
}

function resolve(printed: string, candidates: FunctionalCode[]): { item: FunctionalCode; exact: boolean } | undefined {
  const exact = candidates.find((c) => nameKey(c.name) === nameKey(printed));
  if (exact) return { item: exact, exact: true };
  let best: { item: FunctionalCode; d: number } | undefined;
  for (const c of candidates) {
    const d = closeTo(printed, c.name);
    if (d !== undefined && (!best || d < best.d)) best = { item: c, d };
  }
  return best ? { item: best.item, exact: false } : undefined;
}

/**
 * LBL-4: item names written in the narrative as `X（类）Y（款）Z（项）` match the functional catalogue.
 * The class is recognised with or without its trailing 支出 (社会保障和就业（类） is the usual way to
 * write 社会保障和就业支出). The narrative prints no codes, so a 款 or 项 name is judged only when the
 * catalogue knows it or knows one sibling it is plainly a misprint or a shortening of (a few
 * characters off, or characters left out, as 巩固脱贫衔接乡村振兴 for 巩固脱贫攻坚成果衔接乡村振兴).
 * A name the incomplete catalogue does not know cannot be judged: no finding. One finding per
 * distinct wrong name, at its first occurrence; the message lists the other lines.
 */
export const rule: Rule = {
  meta: {
    id: 'LBL-4',
    title: '情况说明中的类款项名称与分类目录一致',
    severity: 'warning',
    category: 'accuracy',
    tables: [],
    tolerance: { kind: 'none' },
    source: 'rules.md §2.3, §4.1 [SEED; KNOW]',
    doc: '情况说明、名词解释中以“X（类）Y（款）Z（项）”写出的科目名称须与报告年度的功能分类目录一致。类名可省略末尾的“支出”；款、项名称只在目录收录该名称或其明显的错写、简写对象时判断，目录未收录的名称不判断。',
    messages: {
      name: '{{where}}“{{printed}}（{{level}}）”与功能分类目录名称“{{expected}}”（{{code}}）不一致{{more}}{{note}}',
      unknown: '{{where}}“{{printed}}（{{level}}）”不在{{year}}年功能分类目录中，请核对科目名称{{more}}',
    },
  },
  check(ctx) {
    const sections = allSections(ctx.report);
    if (sections.length === 0) {
      ctx.notApplicable('文档中没有读到情况说明文字，不适用“情况说明中的类款项名称与分类目录一致”');
      return;
    }
    const year = ctx.report.year > 0 ? ctx.report.year : undefined;
    const cat = functionalCodes(year);
    const classes = functionalClasses(year).map((c): FunctionalCode => ({ code: c.code, name: c.name, level: '类', parent: '' }));
    const children = (code: string, level: '款' | '项') => cat.items.filter((i) => i.level === level && i.parent === code);
    const found = new Map<string, { occ: Occurrence; lines: number[]; unknown: boolean }>();
    const note = (o: Occurrence, unknown: boolean) => {
      const key = `${o.level}|${o.printed}|${o.expected}`;
      const hit = found.get(key);
      if (hit) {
        if (o.span.line !== undefined && !hit.lines.includes(o.span.line)) hit.lines.push(o.span.line);
      } else found.set(key, { occ: o, lines: o.span.line !== undefined ? [o.span.line] : [], unknown });
    };
    for (const section of sections) {
      for (const p of joinBroken(section.paragraphs) as Paragraph[]) {
        for (const m of squeeze(p.text).matchAll(ITEM)) {
          const [x, y, z] = [m[1]!, m[2]!, m[3]];
          // The class: its name or the name without 支出, possibly after other words (用于…).
          const cls =
            classes.find((c) => [c.name, c.name.replace(/支出$/, '')].some((n) => x.endsWith(n))) ??
            (() => {
              const r = resolve(x, classes);
              if (r) note({ level: '类', printed: x, expected: r.item.name, code: r.item.code, span: p.span }, false);
              return r?.item;
            })();
          if (!cls) continue;
          const kuan = resolve(y, children(cls.code, '款'));
          if (!kuan) {
            if (cat.complete) note({ level: '款', printed: y, expected: '', code: '', span: p.span }, true);
            continue;
          }
          if (!kuan.exact) note({ level: '款', printed: y, expected: kuan.item.name, code: kuan.item.code, span: p.span }, false);
          if (z === undefined) continue;
          const xiang = resolve(z, children(kuan.item.code, '项'));
          if (!xiang) {
            if (cat.complete) note({ level: '项', printed: z, expected: '', code: '', span: p.span }, true);
            continue;
          }
          if (!xiang.exact) note({ level: '项', printed: z, expected: xiang.item.name, code: xiang.item.code, span: p.span }, false);
        }
      }
    }
    for (const { occ, lines, unknown } of found.values()) {
      const others = lines.slice(1);
      const more = others.length > 0 ? `（另见第${others.join('、')}行）` : '';
      const where = occ.span.line !== undefined ? `第${occ.span.line}行` : '';
      ctx.flag({
        messageId: unknown ? 'unknown' : 'name',
        location: { span: { ...occ.span } },
        expected: unknown ? null : occ.expected,
        actual: occ.printed,
        data: {
          where,
          printed: occ.printed,
          level: occ.level,
          expected: occ.expected,
          code: occ.code,
          more,
          year: cat.year,
          note: cat.year === ctx.report.year ? '' : `（按${cat.year}年目录核对，报告年度目录可能已调整）`,
        },
      });
    }
  },
};
