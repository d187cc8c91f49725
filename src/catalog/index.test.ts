import { describe, expect, it } from 'vitest';
import { economicItems, functionalClasses, parseCsv } from './index.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas and doubled quotes', () => {
    expect(parseCsv('a,b,c\r\n1,"x, ""y""",3\n\n4,5,\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, "y"', '3'],
      ['4', '5', ''],
    ]);
  });
});

describe('catalogs', () => {
  it('lists the 26 class rows of tables 01/04 in printed order', () => {
    const rows = functionalClasses(2023).filter((c) => c.order > 0).sort((a, b) => a.order - b.order);
    expect(rows).toHaveLength(26);
    expect(rows[0]).toMatchObject({ code: '201', name: '一般公共服务支出', order: 1 });
    expect(rows[25]).toMatchObject({ code: '234', order: 26 });
    expect(rows.map((r) => r.order)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
  });

  it('has the whole 2023 economic classification with its groups', () => {
    const items = economicItems(2023);
    expect(items).toHaveLength(109);
    expect(items.filter((i) => i.level === '类')).toHaveLength(10);
    expect(items.find((i) => i.code === '30901')).toMatchObject({ name: '房屋建筑物购建', parent: '309', group: '公用经费' });
    expect(items.find((i) => i.code === '30302')).toMatchObject({ group: '人员经费' });
  });

  it('falls back to the nearest earlier year, else the earliest', () => {
    expect(functionalClasses(2025)).toBe(functionalClasses(2023));
    expect(functionalClasses(2019)).toBe(functionalClasses(2023));
  });
});
