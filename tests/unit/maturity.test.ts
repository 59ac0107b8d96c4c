import { describe, expect, it } from 'vitest';
import { decodeAnswers, encodeAnswers, questionsVersion, scoreAssessment, scoreDimension, toPhase, type Answers, type DimensionInput } from '../../src/lib/maturity.ts';

const q = (id: string) => ({ id, options: [1, 2, 3, 4].map((phase) => ({ phase })) });
/** Seven dimensions of three questions, like the shipped questionnaire. */
const DIMS: DimensionInput[] = Array.from({ length: 7 }, (_, d) => ({ id: `d${d}`, title: `Dimension ${d}`, questions: [q(`d${d}a`), q(`d${d}b`), q(`d${d}c`)] }));
const all = (phase: 1 | 2 | 3 | 4): Answers => Object.fromEntries(DIMS.flatMap((d) => d.questions.map((x) => [x.id, phase])));

describe('toPhase', () => {
  it('rounds to the nearest phase with halves down, within 1 to 4', () => {
    expect([1, 1.49, 1.5, 1.51, 2.5, 3.5, 3.51, 4].map(toPhase)).toEqual([1, 1, 1, 2, 2, 3, 4, 4]);
    expect(toPhase(2 + 2 / 3)).toBe(3);
  });
});

describe('scoring', () => {
  it('all lowest answers give phase 1 everywhere', () => {
    const r = scoreAssessment(DIMS, all(1));
    expect(r.overall?.phase).toBe(1);
    expect(r.dimensions.every((d) => d.phase === 1)).toBe(true);
  });
  it('all highest answers give phase 4', () => {
    const r = scoreAssessment(DIMS, all(4));
    expect(r.overall).toMatchObject({ score: 4, phase: 4 });
  });
  it('mixed answers average per dimension, then overall', () => {
    const answers = { ...all(3), d0a: 2, d0b: 2, d0c: 3 } as Answers; // d0 = 2.33 -> 2
    const r = scoreAssessment(DIMS, answers);
    expect(r.dimensions[0]).toMatchObject({ answered: 3, phase: 2 });
    expect(r.dimensions[0]!.score).toBeCloseTo(2.333, 2);
    expect(r.overall?.score).toBeCloseTo((2.333 + 3 * 6) / 7, 2);
    expect(r.overall?.phase).toBe(3);
  });
  it('caps the overall phase one above the weakest dimension', () => {
    const answers = { ...all(4), d6a: 1, d6b: 1, d6c: 1 } as Answers; // average 3.57 -> 4, weakest phase 1
    const r = scoreAssessment(DIMS, answers);
    expect(r.overall).toMatchObject({ uncapped: 4, phase: 2 });
    expect(r.overall?.weakest.id).toBe('d6');
  });
  it('a dimension with fewer than half its questions answered has no phase', () => {
    const one = scoreDimension(DIMS[0]!, { d0a: 4 });
    expect(one).toMatchObject({ answered: 1, total: 3 });
    expect(one.score).toBeUndefined();
    expect(one.phase).toBeUndefined();
    expect(scoreDimension(DIMS[0]!, { d0a: 4, d0b: 2 })).toMatchObject({ answered: 2, score: 3, phase: 3 });
  });
  it('no overall phase until five of seven dimensions are scored', () => {
    const four = Object.fromEntries(DIMS.slice(0, 4).flatMap((d) => d.questions.map((x) => [x.id, 3]))) as Answers;
    const r = scoreAssessment(DIMS, four);
    expect(r.overall).toBeUndefined();
    expect(r.answered).toBe(12);
    expect(r.total).toBe(21);
    const five = { ...four, d4a: 3, d4b: 3 } as Answers;
    expect(scoreAssessment(DIMS, five).overall?.phase).toBe(3);
  });
  it('nothing answered gives nothing', () => {
    const r = scoreAssessment(DIMS, {});
    expect(r.overall).toBeUndefined();
    expect(r.dimensions.every((d) => d.phase === undefined)).toBe(true);
  });
});

describe('answers in the URL', () => {
  it('round-trips, skipping unanswered questions', () => {
    const answers = { d0a: 1, d0c: 4, d3b: 2 } as Answers;
    const code = encodeAnswers(DIMS, answers);
    expect(code).toBe('10400000002');
    expect(decodeAnswers(DIMS, code)).toEqual(answers);
  });
  it('refuses a code with anything but answer digits', () => {
    expect(decodeAnswers(DIMS, '1<script>9x4')).toEqual({});
    expect(decodeAnswers(DIMS, '15')).toEqual({});
  });
  it('the version changes when a question id changes', () => {
    const changed = DIMS.map((d, i) => (i === 0 ? { ...d, questions: [q('new'), ...d.questions.slice(1)] } : d));
    expect(questionsVersion(changed)).not.toBe(questionsVersion(DIMS));
    expect(questionsVersion(DIMS)).toBe(questionsVersion(structuredClone(DIMS)));
  });
});
