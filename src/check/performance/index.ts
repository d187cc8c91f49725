/** Scoring of performance self-evaluations (绩效自评): schemes as data, the engine, department models. */
export * from './schemes.js';
export * from './values.js';
export * from './range.js';
export {
  executionRate,
  executionScore,
  gradeOf,
  level1Group,
  normaliseGrade,
  schemeFor,
  scoreEvaluation,
  scoreExecution,
  scoreIndicator,
  scoreStatedExecution,
  type EvaluationScore,
  type ExecutionLine,
  type IndicatorScore,
  type Level1Sum,
  type TotalScore,
} from './engine.js';
export * from './department.js';
export * from './json.js';
