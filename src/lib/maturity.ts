/**
 * Scoring for the maturity self-assessment. The rules are plain enough to print on the page
 * (SCORING_RULES) and every number the page shows comes from here.
 */
export type Phase = 1 | 2 | 3 | 4;
export interface QuestionInput { id: string; options: { phase: number }[] }
export interface DimensionInput { id: string; title: string; questions: QuestionInput[] }
/** Question id -> the phase of the chosen option. Missing ids are unanswered. */
export type Answers = Record<string, Phase>;

export interface DimensionResult {
  id: string;
  title: string;
  answered: number;
  total: number;
  /** The answers given, in question order. */
  values: Phase[];
  /** Average of the answers; undefined when fewer than half are answered. */
  score?: number;
  phase?: Phase;
}
export interface MaturityResult {
  dimensions: DimensionResult[];
  answered: number;
  total: number;
  /** Undefined until enough dimensions have enough answers. */
  overall?: { score: number; phase: Phase; uncapped: Phase; weakest: DimensionResult };
}

/** Dimensions that need answers before an overall phase is given. */
export const MIN_DIMENSIONS_SHARE = 5 / 7;

export const SCORING_RULES = [
  'Each answer counts as the phase it describes, from 1 to 4. Skipped questions do not count.',
  'A dimension needs at least half of its questions answered. Its score is the average of its answers.',
  'A score becomes a phase by rounding to the nearest whole number, with halves rounded down (2.5 is phase 2): you are in a phase once most of your answers say so.',
  'The overall score is the average of the dimension scores. It needs scores for at least five of the seven dimensions.',
  'The overall phase is never more than one phase above your weakest dimension: scaling needs every part of the support system.',
];

/** Round to the nearest phase, halves down, within 1 to 4. */
export function toPhase(score: number): Phase {
  const rounded = Math.ceil(score - 0.5 - 1e-9);
  return Math.min(4, Math.max(1, rounded)) as Phase;
}

export function scoreDimension(d: DimensionInput, answers: Answers): DimensionResult {
  const values = d.questions.map((q) => answers[q.id]).filter((v): v is Phase => v !== undefined);
  const base = { id: d.id, title: d.title, answered: values.length, total: d.questions.length, values };
  if (values.length === 0 || values.length * 2 < d.questions.length) return base;
  const score = values.reduce((a, b) => a + b, 0) / values.length;
  return { ...base, score, phase: toPhase(score) };
}

export function scoreAssessment(dimensions: DimensionInput[], answers: Answers): MaturityResult {
  const results = dimensions.map((d) => scoreDimension(d, answers));
  const answered = results.reduce((n, d) => n + d.answered, 0);
  const total = results.reduce((n, d) => n + d.total, 0);
  const scored = results.filter((d): d is DimensionResult & { score: number; phase: Phase } => d.score !== undefined);
  if (scored.length === 0 || scored.length < Math.ceil(dimensions.length * MIN_DIMENSIONS_SHARE)) return { dimensions: results, answered, total };
  const score = scored.reduce((a, d) => a + d.score, 0) / scored.length;
  const weakest = scored.reduce((w, d) => (d.score < w.score ? d : w));
  const uncapped = toPhase(score);
  const phase = Math.min(uncapped, weakest.phase + 1) as Phase;
  return { dimensions: results, answered, total, overall: { score, phase, uncapped, weakest } };
}

/** A short, stable fingerprint of the question ids, so old links to a changed questionnaire are detected. */
export function questionsVersion(dimensions: DimensionInput[]): string {
  let h = 0x811c9dc5;
  for (const ch of dimensions.flatMap((d) => d.questions.map((q) => q.id)).join('|')) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** Answers as one digit per question, in order ('0' = not answered): short enough to share. */
export function encodeAnswers(dimensions: DimensionInput[], answers: Answers): string {
  return dimensions.flatMap((d) => d.questions.map((q) => String(answers[q.id] ?? 0))).join('').replace(/0+$/, '');
}

/** The inverse of encodeAnswers. A code with anything but the digits 0-4 is refused whole. */
export function decodeAnswers(dimensions: DimensionInput[], code: string): Answers {
  const questions = dimensions.flatMap((d) => d.questions);
  const answers: Answers = {};
  if (!/^[0-4]*$/.test(code)) return answers;
  [...code.slice(0, questions.length)].forEach((c, i) => {
    const q = questions[i];
    if (q && /^[1-4]$/.test(c)) answers[q.id] = Number(c) as Phase;
  });
  return answers;
}

/** "2.67" style, for showing the arithmetic. */
export const formatScore = (n: number) => (Math.round(n * 100) / 100).toString();
