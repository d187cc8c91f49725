/**
 * The narrative (情况说明 …) as its section tree. Sentences with findings are highlighted; the
 * statements that restate a table cell (facts with `link`) are underlined and, clicked, scroll to
 * and flash that cell.
 */
import { useTextEdit } from '../useTextEdit.js';
import { useState, type MouseEvent } from 'react';
import type { Finding, Report } from '../api.js';
import { worst, type Placed } from '../findings.js';

type Section = Report['sections'][number];
type Paragraph = Section['paragraphs'][number];
type Fact = NonNullable<Report['facts']>[number];

interface Mark {
  start: number;
  end: number;
  finding?: Placed;
  fact?: Fact;
}

interface Props {
  sections: Section[];
  facts: Fact[];
  findings: Placed[];
  onHover: (e: MouseEvent, findings: Finding[] | null, note?: string) => void;
  onFactClick: (fact: Fact) => void;
  /** Edit mode: paragraphs can be corrected (PATCH …/text with the paragraph's JSON Pointer). */
  onEditText?: (path: string, value: string) => Promise<void>;
}

/**
 * A source span → offsets in the paragraph's text. The text is the source slice except that lines
 * wrapped inside a sentence were joined, so an offset can drift by the dropped line breaks: a known
 * text (a fact's) is searched for near the estimate.
 */
function localRange(p: Paragraph, start: number, end: number, text?: string): [number, number] | null {
  if (end <= p.span.start || start >= p.span.end) return null;
  const s = Math.max(0, start - p.span.start);
  const e = Math.min(p.text.length, end - p.span.start);
  if (text) {
    let best = -1;
    for (let i = p.text.indexOf(text); i >= 0; i = p.text.indexOf(text, i + 1)) if (best < 0 || Math.abs(i - s) < Math.abs(best - s)) best = i;
    if (best >= 0) return [best, best + text.length];
  }
  return e > s ? [s, e] : null;
}

function ParagraphEditor({ p, path, onEditText }: { p: Paragraph; path: string; onEditText: (path: string, value: string) => Promise<void> }) {
  const { text, setText, error, saving, save } = useTextEdit(onEditText, path);
  if (text === null)
    return (
      <button className="small link para-edit" onClick={() => setText(p.text)} title="修改这一段">
        修改
      </button>
    );
  return (
    <div className="para-editor" data-path={path}>
      <textarea value={text} disabled={saving} rows={Math.min(12, Math.ceil(text.length / 60) + 1)} onChange={(e) => setText(e.target.value)} aria-label="段落" autoFocus />
      <div>
        <button className="small primary" disabled={saving} onClick={() => void save()}>
          保存并重新校验
        </button>
        <button className="small link" onClick={() => setText(null)}>
          取消
        </button>
        {error && <span className="error-text small">{error}</span>}
      </div>
    </div>
  );
}

function ParagraphView({ p, path, facts, findings, onHover, onFactClick, onEditText }: { p: Paragraph; path: string } & Omit<Props, 'sections'>) {
  const editor = onEditText ? <ParagraphEditor p={p} path={path} onEditText={onEditText} /> : null;
  const marks: Mark[] = [];
  for (const fact of facts) {
    if (!fact.link) continue;
    const r = localRange(p, fact.span.start, fact.span.end, fact.text);
    if (r) marks.push({ start: r[0], end: r[1], fact });
  }
  for (const f of findings) {
    const span = f.location.span!;
    // A finding on exactly one statement: locate it by the statement's text.
    const fact = facts.find((x) => x.span.start === span.start && x.span.end === span.end);
    const r = localRange(p, span.start, span.end, fact?.text);
    if (r) marks.push({ start: r[0], end: r[1], finding: f });
  }
  if (marks.length === 0)
    return (
      <p data-path={path}>
        {p.text}
        {editor}
      </p>
    );
  const cuts = [...new Set([0, p.text.length, ...marks.flatMap((m) => [m.start, m.end])])].sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i]!;
    const b = cuts[i + 1]!;
    const text = p.text.slice(a, b);
    const over = marks.filter((m) => m.start <= a && m.end >= b);
    if (over.length === 0) {
      pieces.push(text);
      continue;
    }
    const fs = over.flatMap((m) => (m.finding ? [m.finding] : []));
    const fact = over.find((m) => m.fact)?.fact;
    const sev = worst(fs);
    const note = fact?.link ? `对应表${fact.link.table}的单元格（点击定位）` : undefined;
    pieces.push(
      <span
        key={a}
        className={[sev ? `has-finding ${sev}` : '', fact ? 'fact-link' : ''].join(' ').trim()}
        data-f={fs.map((f) => f.fid).join(' ') || undefined}
        data-fact={fact?.id}
        onMouseEnter={(e) => onHover(e, fs.length ? fs : null, fs.length ? note : undefined)}
        onMouseLeave={(e) => onHover(e, null)}
        onClick={fact ? () => onFactClick(fact) : undefined}
      >
        {text}
      </span>,
    );
  }
  return (
    <p data-path={path}>
      {pieces}
      {editor}
    </p>
  );
}

function SectionView({ s, depth, path, ...rest }: { s: Section; depth: number; path: string } & Omit<Props, 'sections'>) {
  const H = (depth <= 1 ? 'h3' : depth === 2 ? 'h4' : 'h5') as 'h3' | 'h4' | 'h5';
  const inside = (x: { span: { start: number; end: number } }) => x.span.start < s.span.end && x.span.end > s.span.start;
  const facts = rest.facts.filter(inside);
  const findings = rest.findings.filter((f) => inside(f.location as { span: { start: number; end: number } }));
  return (
    <div className="section">
      {(s.number || s.title) && (
        <H>
          {s.number}
          {s.number && /[一二三四五六七八九十]$/.test(s.number) ? '、' : ' '}
          {s.title}
        </H>
      )}
      {s.paragraphs.map((p, i) => (
        <ParagraphView key={i} p={p} path={`${path}/paragraphs/${i}/text`} facts={facts} findings={findings} onHover={rest.onHover} onFactClick={rest.onFactClick} onEditText={rest.onEditText} />
      ))}
      {s.children.map((c, i) => (
        <SectionView key={i} s={c} depth={depth + 1} path={`${path}/children/${i}`} facts={facts} findings={findings} onHover={rest.onHover} onFactClick={rest.onFactClick} onEditText={rest.onEditText} />
      ))}
    </div>
  );
}

export function Narrative(props: Props) {
  if (props.sections.length === 0) return <p className="muted">文档中没有识别出情况说明。</p>;
  return (
    <div className="narrative">
      {props.sections.map((s, i) => (
        <SectionView key={i} s={s} depth={1} path={`/sections/${i}`} facts={props.facts} findings={props.findings} onHover={props.onHover} onFactClick={props.onFactClick} onEditText={props.onEditText} />
      ))}
    </div>
  );
}
