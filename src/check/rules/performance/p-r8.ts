import type { EvaluationPlace, Figure } from '../../../model/evaluation.js';
import type { Rule } from '../../types.js';
import { evaluationsOf, figureRat, gradeOf, label, locate, normaliseGrade, num, totalPlace } from './shared.js';

/**
 * P-R8: the grade printed or stated with a score is the grade of its band: ≥90 优, 80 ≤ s < 90 良,
 * 60 ≤ s < 80 中, < 60 差 (财预〔2020〕10号; the same bands for central departments). Checked for the
 * table's 总分 and 等级 and for every score stated with a grade in words (`综合自评得分100分 … 良好`);
 * one finding per distinct score and grade of an evaluation.
 */
export const rule: Rule = {
  meta: {
    id: 'P-R8',
    title: '评价等级与得分所在分档相符',
    severity: 'error',
    category: 'accuracy',
    tables: [],
    tolerance: { kind: 'exact' },
    source: 'rules.md §2.5, §5.1 [SRC 5; SEED]',
    doc: '90分（含）以上为优，80分（含）至90分为良，60分（含）至80分为中，60分以下为差；自评表和文字所述的得分与等级须相符。',
    messages: {
      grade: '{{where}}得分{{score}}分，应评为“{{expected}}”，但{{place}}为“{{grade}}”。按评价分档，90分（含）以上为优、80–90分为良、60–80分为中、60分以下为差，请核对等级或得分',
    },
  },
  check(ctx) {
    for (const e of evaluationsOf(ctx)) {
      const pairs: { score: Figure; grade: string; place: EvaluationPlace; where: string }[] = [];
      for (const s of e.stated) if (s.score && s.grade) pairs.push({ score: s.score, grade: s.grade, place: s.place, where: '文中所述等级' });
      if (e.total && e.grade) pairs.push({ score: e.total, grade: e.grade, place: totalPlace(e), where: '所列等级' });
      const seen = new Set<string>();
      for (const p of pairs) {
        const score = figureRat(p.score);
        const grade = normaliseGrade(p.grade);
        if (!score || !grade) continue;
        const key = `${num(score)}|${grade}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const expected = gradeOf(score);
        if (expected === grade) continue;
        ctx.flag({
          messageId: 'grade',
          location: locate(e, p.place),
          expected,
          actual: p.grade,
          difference: null,
          data: { where: label(e), score: p.score.text.replace(/分$/, ''), expected, place: p.where, grade: p.grade },
        });
      }
    }
  },
};
