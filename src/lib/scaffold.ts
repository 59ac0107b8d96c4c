/**
 * Frontmatter templates for a new entry of each collection: every required field present, with
 * "TODO:" where the author must write something. New entries start as drafts, so a scaffold is
 * valid at once and never reaches the site until the author publishes it.
 */
import type { CollectionName } from '../schemas/vocab.ts';

/** "Run a live Q&A session" -> "run-a-live-q-a-session". */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
}

const yamlString = (s: string) => JSON.stringify(s);

const governance = (title: string, owner: string, today: string) => `title: ${yamlString(title)}
summary: "TODO: one or two sentences for lists and search results."
owner: ${owner}
audiences: [practitioner] # TODO: who is this for? ${'practitioner, spoke-lead, sme, pr, hr, customer-service, legal, exec'}
status: draft # set to published when the owner has reviewed it
lastReviewed: ${today}
reviewEvery: 12 # months
tags: [] # TODO: words readers will search for
related: [] # TODO: 2 to 6 entries as collection/id, e.g. playbooks/launch-a-channel
changes:
  - date: ${today}
    type: major
    note: "First version."
`;

const BODY = `
## TODO: first section

Write the entry here. Use ## and ### headings: they become the table of contents.
`;

/** The file text for a new entry, and the fields the author must still write. */
export function scaffold(collection: CollectionName, title: string, { owner = 'hub-editorial', today }: { owner?: string; today: string }): { text: string; todo: string[]; extension: '.md' | '.yaml' } {
  const g = governance(title, owner, today);
  const common = ['summary', 'audiences', 'tags', 'related', 'the body'];
  switch (collection) {
    case 'playbooks':
      return { extension: '.md', todo: [...common, 'goal', 'whenToUse', 'timeNeeded', 'phases', 'channels'], text: `---\n${g}goal: "TODO: what the reader will have achieved."\nwhenToUse: "TODO: the situation that calls for this playbook."\ntimeNeeded: "TODO: e.g. 2 hours"\nprerequisites: []\nphases: [2] # TODO: 1 to 4\nchannels: [all-channels] # TODO: linkedin, x, facebook, instagram, youtube, tiktok, blog, communities, messaging\n---\n${BODY}` };
    case 'protocols':
      return { extension: '.md', todo: [...common, 'policySection', 'consultedBy', 'firstHour', 'tiers', 'contacts'], text: `---\n${g}policySection: criticism-and-escalation # TODO: the policy chapter this protocol serves\nconsultedBy: [pr] # TODO\nfirstHour:\n  - "TODO: the first thing to do."\ntiers:\n  - tier: "Tier 1"\n    looksLike: "TODO: what a tier 1 situation looks like."\n    responseTime: "TODO: e.g. first response within 15 minutes"\n    whoActs: "TODO: a role"\n    inform: []\ncontacts:\n  - role: pr-duty-officer # TODO: a contact id from content/contacts\n    when: "TODO: when to call"\n---\n${BODY}` };
    case 'policy':
      return { extension: '.md', todo: [...common, 'order', 'version', 'effective'], text: `---\n${g}order: 99 # TODO: position in the policy\nversion: "1.0"\neffective: ${today} # TODO: the day it takes effect\ncontrolled: true\n---\n${BODY}` };
    case 'case-studies':
      return { extension: '.md', todo: [...common, 'spoke', 'phase', 'situation', 'actions', 'outcomes', 'lessons'], text: `---\n${g}spoke: social-hub # TODO: the spoke's id\nphase: 2 # TODO\nsituation: "TODO: the starting situation."\nactions:\n  - "TODO: what was done."\noutcomes:\n  - label: "TODO: what was measured"\n    before: 0\n    after: 0\n    unit: "TODO"\nlessons:\n  - "TODO: what others should take away."\n---\n${BODY}` };
    case 'phases':
      return { extension: '.md', todo: [...common, 'phase', 'name', 'signs', 'nextMoves', 'playbooks'], text: `---\n${g}phase: 1 # TODO: 1 to 4\nname: "TODO"\nsigns:\n  - "TODO: a sign an organisation can check."\nnextMoves:\n  - "TODO: a move to the next phase."\nplaybooks: []\n---\n${BODY}` };
    case 'paths':
      return { extension: '.yaml', todo: ['summary', 'audience', 'steps', 'tags', 'related'], text: `${g}audience: practitioner # TODO\nsteps:\n  - entry: policy/policy-at-a-glance # TODO: collection/id\n    why: "TODO: why this step matters."\n    minutes: 15\n` };
    case 'glossary':
      return { extension: '.yaml', todo: ['definition', 'aliases', 'seeAlso'], text: `term: ${yamlString(title)}\naliases: []\ndefinition: "TODO: one to three plain sentences."\nseeAlso: []\nowner: ${owner}\nstatus: draft\n` };
    case 'spokes':
      return { extension: '.yaml', todo: ['description', 'contactRole', 'phase'], text: `name: ${yamlString(title)}\nkind: spoke\ntype: business-unit # or function\ndescription: "TODO: what this unit does on social media."\ncontactRole: "TODO: a role, e.g. spoke lead"\naudiences: [practitioner]\nchannels: []\nstatus: draft # set to published when the spoke lead has checked it\n` };
    case 'assessment':
      return { extension: '.yaml', todo: ['description', 'questions', 'playbooks'], text: `title: ${yamlString(title)}\norder: 99 # TODO: position in the questionnaire\ndescription: "TODO: what this dimension covers."\nplaybooks: []\nstatus: draft # set to published when the questions are final\nquestions:\n${[1, 2].map((n) => `  - id: todo-question-${n}\n    text: "TODO: the question."\n    options:\n${[1, 2, 3, 4].map((p) => `      - phase: ${p}\n        label: "TODO: what phase ${p} looks like."`).join('\n')}`).join('\n')}\n` };
    case 'contacts':
      return { extension: '.yaml', todo: ['description', 'phone', 'email', 'chat', 'hours', 'outOfHours'], text: `name: ${yamlString(title)}\nkind: duty # duty (on a rota, any hour) or team (working hours)\ndescription: "TODO: what this role does for a reader."\nphone: "+44 20 7946 0999" # TODO: the real number; until then this fictional one is shown as a placeholder\nplaceholder: true\nhours: "TODO: e.g. 24 hours, every day"\noutOfHours: "TODO: where to go outside those hours."\nstatus: draft # set to published when the numbers are real\n` };
    case 'start':
      return { extension: '.yaml', todo: ['audience', 'pitch', 'path', 'phase', 'phaseWhy', 'order'], text: `title: ${yamlString(title)}\naudience: practitioner # TODO: the audience this page greets\npitch: "TODO: what the reader gets here, in a sentence or two."\npath: new-practitioner # TODO: the onboarding path written for this audience\nphase: 3 # TODO: the phase guide to recommend\nphaseWhy: "TODO: why that phase guide."\norder: 99 # TODO: position on the home page and /start/\nstatus: draft # set to published when the words are final\n` };
    case 'teams':
      return { extension: '.yaml', todo: ['description', 'leadRole', 'contact'], text: `name: ${yamlString(title)}\ndescription: "TODO: what the team is responsible for."\nleadRole: "TODO: e.g. hub lead"\ncontact:\n  email: todo@hub.example # TODO: the team's mailbox or tracker url\nstatus: draft # set to published when the team is ready to own entries\n` };
  }
}
