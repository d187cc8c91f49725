import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { economicItems, functionalClasses, functionalCodes, parseCsv, setCatalogDir } from './index.js';

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

describe('functional catalogue', () => {
  afterEach(() => setCatalogDir());

  it('loads the observed 2023 catalogue as incomplete, with levels and parents', () => {
    const cat = functionalCodes(2023);
    expect(cat).toMatchObject({ year: 2023, complete: false });
    expect(cat.file).toMatch(/functional-codes-observed-2023\.csv$/);
    expect(cat.items).toHaveLength(73); // 70 seen in the seeds + 3 national codes the example uses
    expect(cat.byCode.get('2080110')).toMatchObject({ name: '劳动关系和维权', level: '项', parent: '20801', provenance: 'SEED' });
    expect(cat.byCode.get('208')).toMatchObject({ level: '类', parent: '' });
    expect(cat.byCode.get('2299999')).toMatchObject({ name: '其他支出' });
    expect(cat.byCode.get('2012604')).toMatchObject({ name: '档案馆', provenance: 'KNOW' });
    expect(cat.byCode.has('2070101')).toBe(false);
  });

  it('chooses the year as the other catalogues do, and says which year it is', () => {
    expect(functionalCodes(2025)).toBe(functionalCodes(2023));
    expect(functionalCodes(2019).year).toBe(2023);
    expect(functionalCodes(undefined).year).toBe(2023);
  });

  it('prefers a complete catalogue of the chosen year, and fills level and parent from the code', () => {
    const dir = mkdtempSync(join(tmpdir(), 'juesuan-catalog-'));
    try {
      copyFileSync(join(import.meta.dirname, '..', '..', 'data', 'catalogs', 'functional-codes-observed-2023.csv'), join(dir, 'functional-codes-observed-2023.csv'));
      writeFileSync(join(dir, 'functional-codes-2024.csv'), 'code,name\n201,一般公共服务支出\n20126,档案事务\n2012604,档案馆\n');
      writeFileSync(join(dir, 'functional-codes-observed-2024.csv'), 'code,name,level,parent\n208,社会保障和就业支出,类,\n');
      setCatalogDir(dir);
      const y2024 = functionalCodes(2024);
      expect(y2024).toMatchObject({ year: 2024, complete: true });
      expect(y2024.byCode.get('2012604')).toEqual({ code: '2012604', name: '档案馆', level: '项', parent: '20126' });
      expect(functionalCodes(2023)).toMatchObject({ year: 2023, complete: false });
      expect(functionalCodes(2030).year).toBe(2024);
    } finally {
      setCatalogDir();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
