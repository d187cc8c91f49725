/**
 * Check benchmark (part of `npm run bench`): extract + check throughput on the seeds and on a
 * synthetic corpus written to disk, on one core and on all cores (worker threads, as `juesuan check`
 * runs). Timings are wall-clock on this machine; compare runs on the same machine only.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { checkFiles } from '../src/check/batch.js';
import { checkReport, RULES } from '../src/check/index.js';
import { extract } from '../src/index.js';
import { syntheticCorpus } from './corpus.js';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function seedsDir(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const up of ['../../..', '../..', '..']) {
    const dir = resolve(here, up, '..', 'shared', 'seeds');
    if (existsSync(dir)) return dir;
  }
  return undefined;
}

async function main(): Promise<void> {
  const cores = availableParallelism();
  console.log(`\n决算通 check 基准测试：${RULES.length} 条规则，${cores} 个处理器核\n`);

  const dir = seedsDir();
  if (dir) {
    console.log('D. 种子文档：提取 + 校验，中位耗时（预热 10 次，测 20 次）');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
      const bytes = readFileSync(join(dir, file));
      const once = () => checkReport(extract(bytes, { path: file }));
      for (let i = 0; i < 10; i++) once();
      const times: number[] = [];
      let findings = 0;
      for (let i = 0; i < 20; i++) {
        const t0 = performance.now();
        findings = once().findings.length;
        times.push(performance.now() - t0);
      }
      console.log(`   ${file}  ${median(times).toFixed(2)} 毫秒  （${findings} 条结果）`);
    }
    console.log('');
  } else {
    console.log('D. 未找到 ../shared/seeds，跳过种子文档。\n');
  }

  const count = 1000;
  const work = mkdtempSync(join(tmpdir(), 'juesuan-bench-'));
  try {
    const files = syntheticCorpus(count).map((d, i) => {
      const path = join(work, `${String(i).padStart(4, '0')}.txt`);
      writeFileSync(path, d.text);
      return path;
    });
    console.log(`E. 合成语料 ${count} 份（写入临时目录），提取 + 校验：`);
    for (const jobs of [...new Set([1, cores])]) {
      const t0 = performance.now();
      const results = await checkFiles(files, { jobs });
      const seconds = (performance.now() - t0) / 1000;
      const failed = results.filter((r) => r.error).length;
      console.log(`   ${jobs} 个线程：${seconds.toFixed(2)} 秒，${(count / seconds).toFixed(0)} 份/秒${failed ? `（${failed} 份无法读取）` : ''}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
