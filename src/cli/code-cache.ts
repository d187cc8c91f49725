/**
 * Runs the bundled `juesuan extract` and `juesuan check` (dist/cli.cjs, built by
 * scripts/bundle-cli.mjs) with a V8 code cache. Node 20 has no compile cache for ES modules
 * (module.enableCompileCache is Node 22), and a single extraction spent a third of its time loading
 * and compiling some hundred modules and pdf.js. The cache is written after a run, not after
 * compiling, so that it holds the functions the run compiled lazily (measured on a 13-page PDF:
 * 0.61 s → 0.43 s of CPU; a cache made at compile time saves a third of that). Written by hand:
 * v8-compile-cache, the library for this, hooks only CommonJS `require` and stores the compile-time
 * cache.
 *
 * The cache lives in $JUESUAN_CACHE_DIR, else $XDG_CACHE_HOME/juesuan or ~/.cache/juesuan (a private
 * folder in the temp directory when home is not writable). Its name holds everything V8 does not
 * check itself (the bundle's size and time) besides what it does (Node version, flags), and the
 * features the runs that made it used (reading a PDF, checking): a run that uses one the cache lacks
 * writes it again, with what it had and what the run added. A cache V8 rejects is replaced.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import vm from 'node:vm';

interface FastBundle {
  run(argv: string[]): Promise<number>;
  features(): string[];
}

/** Where caches are written: the first folder that exists or can be made. */
export function codeCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = env['JUESUAN_CACHE_DIR']
    ? [env['JUESUAN_CACHE_DIR']]
    : [join(env['XDG_CACHE_HOME'] || join(homedir(), '.cache'), 'juesuan'), join(tmpdir(), `juesuan-cache-${process.getuid?.() ?? 'user'}`)];
  for (const dir of candidates) {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      return dir;
    } catch {
      // not writable: the next one
    }
  }
  return undefined;
}

/** A short name for Node's own options (V8 rejects a cache made under other flags; one file per set). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(36);
}

/** The cache files of this bundle and Node, with the features each holds (`<key>[-feature…].v8`). */
function cachesOf(dir: string, key: string): { file: string; features: string[] }[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.startsWith(key) && n.endsWith('.v8') && (n.length === key.length + 3 || n[key.length] === '-'))
    .map((n) => ({ file: join(dir, n), features: n.slice(key.length, -3).split('-').filter(Boolean) }))
    .sort((a, b) => b.features.length - a.features.length);
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}

/** Runs the bundle's command on argv and returns its exit code; writes or renews the cache after. */
export async function runBundled(bundle: string, argv: string[]): Promise<number> {
  const source = readFileSync(bundle, 'utf8');
  const { size, mtimeMs } = statSync(bundle);
  const dir = codeCacheDir();
  const key = `cli-${process.version}-${process.arch}-${size}-${Math.trunc(mtimeMs)}-${fnv1a(process.execArgv.join('\0'))}`;
  // The cache holding the most (a cache's unused functions cost little; missing ones a compile each).
  let used = dir ? cachesOf(dir, key)[0] : undefined;
  let cachedData: Buffer | undefined;
  if (used) {
    try {
      cachedData = readFileSync(used.file);
    } catch {
      used = undefined;
    }
  }
  // The CommonJS wrapper, as Node's own loader adds it (the bundle's `require` resolves from dist/).
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: bundle,
    ...(cachedData ? { cachedData } : {}),
  });
  if (used && script.cachedDataRejected) {
    unlinkQuietly(used.file);
    used = undefined;
  }
  const module = { exports: {} as FastBundle };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  const exitCode = await module.exports.run(argv);
  const had = used?.features ?? [];
  const features = [...new Set([...had, ...module.exports.features()])].sort();
  if (dir && (!used || features.length > had.length)) {
    const target = join(dir, `${key}${features.map((f) => `-${f}`).join('')}.v8`);
    try {
      const temporary = `${target}.${process.pid}.tmp`;
      writeFileSync(temporary, script.createCachedData());
      renameSync(temporary, target); // whole or not at all, when two runs write at once
      if (used && used.file !== target) unlinkQuietly(used.file);
      // Caches of earlier builds of the bundle, for this Node: never read again.
      const mine = `cli-${process.version}-${process.arch}-`;
      for (const name of readdirSync(dir)) if (name.startsWith(mine) && !name.startsWith(key) && name.endsWith('.v8')) unlinkQuietly(join(dir, name));
    } catch {
      // a cache is an optimisation: a full disk or a read-only folder is not the user's problem
    }
  }
  return exitCode;
}
