import { z } from 'astro/zod';
import { PhaseNumberSchema } from './governance.ts';
import { refTo } from './refs.ts';
import { STATUSES } from './vocab.ts';

/** One answer: what it looks like in the reader's organisation, and the phase it indicates. */
export const AnswerOptionSchema = z.strictObject({
  label: z.string().trim().min(1),
  phase: PhaseNumberSchema,
});

export const QuestionSchema = z
  .strictObject({
    /** Stable id: answers in shared URLs refer to it. Never reuse an id for a different question. */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'Use lower-case letters, digits and hyphens in a question id.'),
    text: z.string().trim().min(1),
    /** Optional hint shown under the question. */
    help: z.string().trim().optional(),
    /** Exactly four options, one per phase, in phase order. */
    options: z.array(AnswerOptionSchema).length(4, 'Give exactly four options, one for each phase.'),
  })
  .superRefine((q, ctx) => {
    q.options.forEach((o, i) => {
      if (o.phase !== i + 1) ctx.addIssue({ code: 'custom', path: ['options', i, 'phase'], message: `Option ${i + 1} must be for phase ${i + 1}: list the options in phase order.` });
    });
  });

/** One dimension of the maturity self-assessment, with its questions. */
export const AssessmentSchema = z.strictObject({
  title: z.string().trim().min(1),
  /** Position in the questionnaire, from 1. */
  order: z.number().int().min(1),
  /** What this dimension covers, in a sentence. */
  description: z.string().trim().min(1),
  /** Playbooks that help most when this dimension lags, as playbook ids. */
  playbooks: z.array(refTo('playbooks')).default([]),
  /** draft and withdrawn dimensions are left out of the questionnaire (it has no page per dimension). */
  status: z.enum(STATUSES, { error: `Set status to one of: ${STATUSES.join(', ')}.` }).default('published'),
  questions: z.array(QuestionSchema).min(2, 'Give each dimension at least two questions.').max(6),
});
export type AssessmentDimension = z.output<typeof AssessmentSchema>;
