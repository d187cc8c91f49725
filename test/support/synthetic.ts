/**
 * The synthetic Report generator for tests. It lives in bench/corpus.ts because the benchmark,
 * which is compiled without test/, uses it too.
 */
export { Random, syntheticCorpus, syntheticReport, type CorpusDocument, type SyntheticOptions } from '../../bench/corpus.js';
