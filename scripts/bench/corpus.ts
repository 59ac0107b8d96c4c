/**
 * A synthetic, valid content corpus for the build and search benchmarks.
 *
 * Why synthetic: the shipped content is ~50 document entries, far too small to show how the build
 * and the search index scale. Why this shape: sizes, link density, heading depth, the share of MDX
 * and the vocabulary are chosen to look like the real entries in content/, so that the timings and
 * the Pagefind index sizes say something about a grown portal rather than about lorem ipsum.
 *
 * Everything is derived from one seeded PRNG, so a given (pages, seed) always produces the same
 * bytes: two benchmark runs compare builds, not corpora.
 *
 * Run directly, it writes a corpus and checks it with the portal's own validator: USAGE below
 * (`node scripts/bench/corpus.ts --help`).
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import GithubSlugger from 'github-slugger';
import { stringify } from 'yaml';
import { AUDIENCE_IDS, CHANNEL_IDS, PHASES, type Audience, type Channel } from '../../src/schemas/vocab.ts';
import { EXIT, readArgs, runMain } from '../lib/cli.ts';
import { CORPUS_OPTIONS, CORPUS_USAGE, MIN_PAGES, readCorpusSize } from './options.ts';

export interface CorpusOptions {
  /** PRNG seed; same seed and page count give byte-identical output. */
  seed?: number;
  /** Share of document entries written as .mdx with components (the brief asks for about 30%). */
  mdxShare?: number;
  /** Number of glossary terms. */
  glossary?: number;
  /** Number of onboarding paths. */
  paths?: number;
}

export interface CorpusSummary {
  dir: string;
  counts: Record<string, number>;
  documents: number;
  mdx: number;
  files: number;
  bytes: number;
  words: { min: number; max: number; mean: number };
  internalLinks: number;
  /** A playbook id suitable for opening in a browser (the first one generated). */
  samplePlaybook: string;
}

/** Marker file: lets the generator wipe a directory it wrote earlier, and only such a directory. */
const MARKER = '.bench-corpus';
/** Days in the corpus stay before this one: the bench builds with HUB_TODAY=2026-06-01 (scripts/bench/build.ts). */
const LATEST_DAY = '2026-06-01';

// ---------------------------------------------------------------------------------------------
// Deterministic randomness
// ---------------------------------------------------------------------------------------------

/** mulberry32: tiny, fast and good enough for text generation; Math.random cannot be seeded. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  /** k distinct items (or all of them if k >= length). */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = [...items];
    const out: T[] = [];
    while (out.length < k && copy.length) out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0] as T);
    return out;
  }
  /**
   * Zipf-like pick: low indexes are much more frequent. Real text has a few very common words and a
   * long tail of rare ones; a uniform pick would give Pagefind an unrealistically flat index.
   */
  zipf<T>(items: readonly T[], s = 1.1): T {
    const u = this.next();
    const i = Math.floor(items.length * Math.pow(u, 1 + s)); // skew towards 0
    return items[Math.min(i, items.length - 1)] as T;
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary: real social-media terms mixed with generated pseudo-words
// ---------------------------------------------------------------------------------------------

/**
 * Real terms the portal's readers search for. The search benchmark queries some of these, so they
 * must keep appearing in the generated prose (they are drawn on nearly every sentence).
 */
export const REAL_TERMS = [
  'engagement rate', 'reach', 'impressions', 'hashtag', 'influencer', 'influencer disclosure', 'moderation',
  'house rules', 'escalation', 'crisis escalation', 'holding statement', 'crisis', 'sentiment', 'share of voice',
  'social listening', 'listening tool', 'monitoring', 'content calendar', 'content mix', 'brand account',
  'approval workflow', 'community management', 'user-generated content', 'employee advocacy', 'advocacy programme',
  'social CRM', 'alt text', 'captions', 'livestream', 'short video', 'carousel post', 'story', 'thread',
  'direct message', 'algorithm', 'analytics', 'attribution', 'UTM parameters', 'conversion', 'lead handover',
  'campaign', 'product launch', 'takedown request', 'impersonation', 'two-factor authentication',
  'password manager', 'quiet period', 'dark period', 'legal hold', 'records retention', 'personal data',
  'consent', 'endorsement', 'material connection', 'paid partnership', 'boosted post', 'ad account',
  'audience targeting', 'retargeting', 'organic reach', 'creator', 'brand ambassador', 'troll', 'spam',
  'bot network', 'misinformation', 'false rumour', 'fact check', 'media enquiry', 'journalist', 'spokesperson',
  'press release', 'newsroom', 'response time', 'service level', 'support ticket', 'reply queue', 'handover',
  'shift rota', 'duty officer', 'severity tier', 'incident log', 'post-incident review', 'retrospective',
  'benchmark', 'dashboard', 'quarterly review', 'audience insight', 'persona', 'careabouts', 'tone of voice',
  'brand voice', 'plain language', 'accessibility', 'emoji', 'meme', 'trending topic', 'viral post',
  'engagement bait', 'pinned post', 'profile bio', 'handle', 'verification badge', 'platform policy',
  'terms of service', 'copyright', 'trademark', 'licence', 'stock image', 'watermark', 'guest destination',
  'owned channel', 'special occasion', 'everyday conversation', 'customer complaint', 'account compromise',
  'account security', 'account registry', 'forward-looking statement', 'confidential information',
  'pre-approved content', 'response assessment', 'social media policy', 'policy exception', 'channel plan',
  'subject-matter expert', 'spoke lead', 'hub and spoke model', 'centre of excellence', 'adoption curve',
  'contest', 'giveaway', 'webinar', 'podcast', 'newsletter', 'employer brand', 'recruitment post',
  'customer story', 'testimonial', 'review site', 'forum thread', 'community guidelines', 'block list',
  'keyword alert', 'mention volume', 'click-through rate', 'cost per click', 'video completion rate',
  'follower growth', 'net sentiment', 'reply rate', 'first response time', 'resolution time',
] as const;

const CHANNEL_NAMES = ['LinkedIn', 'X', 'Facebook', 'Instagram', 'YouTube', 'TikTok', 'Threads', 'Bluesky', 'Mastodon', 'Reddit', 'WhatsApp', 'Telegram', 'Discord', 'Twitch', 'Pinterest', 'the company blog', 'the customer forum'];

const ROLES = [
  'spoke lead', 'social media manager', 'community manager', 'PR duty officer', 'legal counsel', 'HR business partner',
  'customer care agent', 'subject-matter expert', 'hub lead', 'content designer', 'insights analyst', 'executive sponsor',
  'incident lead', 'brand manager', 'campaign manager', 'privacy officer', 'security analyst', 'agency account lead',
];

const VERBS = ['check', 'review', 'approve', 'draft', 'schedule', 'publish', 'pause', 'escalate', 'log', 'measure', 'compare', 'archive', 'brief', 'tag', 'route', 'answer', 'flag', 'summarise', 'test', 'document'];
const ADJECTIVES = ['clear', 'short', 'public', 'private', 'urgent', 'routine', 'weekly', 'monthly', 'shared', 'local', 'global', 'sensitive', 'approved', 'draft', 'recurring', 'seasonal', 'regional', 'internal', 'external', 'measurable'];
const NOUNS = ['plan', 'template', 'checklist', 'report', 'rota', 'queue', 'log', 'brief', 'tracker', 'calendar', 'matrix', 'playlist', 'library', 'inbox', 'review', 'script', 'budget', 'register', 'baseline', 'roadmap'];
const UNITS = ['%', 'minutes', 'hours', 'posts', 'replies', 'leads per month', 'mentions', 'followers', 'tickets', 'days'];

/**
 * Pseudo-words: product names, markets, codenames and jargon. They give the index a long tail of
 * rare words (as real content has: product names, people's roles, places) without copying text.
 */
function makePseudoWords(rng: Rng, count: number): string[] {
  const onsets = ['b', 'br', 'c', 'cl', 'd', 'dr', 'f', 'fl', 'g', 'gr', 'h', 'j', 'k', 'kr', 'l', 'm', 'n', 'p', 'pl', 'qu', 'r', 's', 'st', 'sk', 't', 'tr', 'v', 'w', 'z', 'th', 'sh', 'ch'];
  const vowels = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io', 'ou', 'y'];
  const codas = ['', '', 'n', 'r', 'l', 's', 'x', 'nt', 'rk', 'm', 'sh', 'th', 'nd', 'st'];
  const words = new Set<string>();
  while (words.size < count) {
    const syllables = rng.int(2, 4);
    let w = '';
    for (let i = 0; i < syllables; i++) w += rng.pick(onsets) + rng.pick(vowels) + (i === syllables - 1 ? rng.pick(codas) : '');
    if (w.length >= 5 && w.length <= 12) words.add(w);
  }
  return [...words];
}

/** "a external" -> "an external": templates cannot know which word they will draw. */
const fixArticles = (s: string) => s.replace(/\b([Aa]) (?=[aeioAEIO])/g, '$1n ');
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** "approve" -> "approving", "log" -> "logging": headings read like the real ones. */
const gerund = (v: string) => (v.endsWith('e') ? `${v.slice(0, -1)}ing` : /^(log|tag|flag)$/.test(v) ? `${v}${v.slice(-1)}ing` : `${v}ing`);

/** URL-safe id from a title, cut at a word boundary so ids stay readable. */
function slugify(text: string, max = 60): string {
  const s = text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  return cut.slice(0, cut.lastIndexOf('-') > 20 ? cut.lastIndexOf('-') : max).replace(/-+$/, '');
}

// ---------------------------------------------------------------------------------------------
// Planning: ids, titles and headings for every entry before any body is written, so that bodies
// can link to other entries and to their headings (anchors) and every link is known to resolve.
// ---------------------------------------------------------------------------------------------

type DocCollection = 'policy' | 'phases' | 'playbooks' | 'case-studies' | 'protocols';

interface Section { text: string; subs: string[] }
interface DocPlan {
  collection: DocCollection;
  id: string;
  title: string;
  mdx: boolean;
  sections: Section[];
  /** Slugs of the ## headings, computed with the same slugger the validator uses. */
  anchors: string[];
  words: number;
}

/** Heading texts the entry page renders itself (KindPanels, related, history): never reuse them. */
const RESERVED_HEADINGS = /^(at a glance|who to call|in the first hour|signs you are here|related|change history|history|feedback|main)$/i;

class Writer {
  rng: Rng;
  pseudo: string[];
  teams: { id: string; name: string }[] = [];
  spokes: { id: string; name: string; kind: 'hub' | 'spoke' }[] = [];
  glossary: { id: string; term: string }[] = [];
  docs: DocPlan[] = [];
  byCollection = new Map<DocCollection, DocPlan[]>();
  titles = new Set<string>();
  ids = new Set<string>();
  linkCount = 0;

  constructor(seed: number) {
    this.rng = new Rng(seed);
    this.pseudo = makePseudoWords(this.rng, 6000);
  }

  pw(): string {
    return this.rng.zipf(this.pseudo);
  }
  PW(): string {
    return cap(this.pw());
  }
  term(): string {
    return this.rng.zipf(REAL_TERMS, 0.6);
  }

  uniqueTitle(make: () => string): string {
    for (let tries = 0; ; tries++) {
      const t = fixArticles(tries < 20 ? make() : `${make()} (${this.PW()})`);
      if (!this.titles.has(t.toLowerCase())) {
        this.titles.add(t.toLowerCase());
        return t;
      }
    }
  }

  uniqueId(collection: string, title: string): string {
    const base = slugify(title);
    let id = base;
    for (let n = 2; this.ids.has(`${collection}/${id}`); n++) id = `${base}-${n}`;
    this.ids.add(`${collection}/${id}`);
    return id;
  }

  // --- titles, per collection, in the style of the real entries ---
  title(collection: DocCollection): string {
    const r = this.rng;
    switch (collection) {
      case 'policy':
        return this.uniqueTitle(() => `${cap(this.term())} and ${this.term()}`);
      case 'playbooks':
        return this.uniqueTitle(() =>
          r.pick([
            () => `${cap(r.pick(['run', 'set up', 'plan', 'launch', 'measure', 'fix', 'grow', 'audit', 'hand over', 'rebuild']))} ${r.pick(['a', 'the'])} ${this.term()} for ${this.PW()}`,
            () => `${cap(this.term())} on ${r.pick(CHANNEL_NAMES)}: a ${this.pw()} guide`,
            () => `How to ${r.pick(VERBS)} ${this.term()} in the ${this.PW()} spoke`,
            () => `${cap(r.pick(ADJECTIVES))} ${this.term()} with ${this.PW()} ${r.pick(NOUNS)}s`,
          ])(),
        );
      case 'case-studies':
        return this.uniqueTitle(() => `${r.pick(this.spokes.filter((s) => s.kind === 'spoke')).name}: ${r.pick(['how', 'why', 'when'])} ${this.term()} ${r.pick(['doubled', 'halved', 'recovered', 'changed', 'stalled', 'took off'])} in ${this.PW()}`);
      case 'protocols':
        return this.uniqueTitle(() =>
          r.pick([
            () => `${cap(this.term())} on ${r.pick(CHANNEL_NAMES)}`,
            () => `${cap(this.term())}: ${this.pw()} ${r.pick(['escalation', 'response', 'takedown', 'first hour', 'handover'])}`,
            () => `${cap(r.pick(ADJECTIVES))} ${this.term()} in ${this.PW()}`,
          ])(),
        );
      default:
        throw new Error(`no title template for ${collection}`);
    }
  }

  headingPool(collection: DocCollection): (() => string)[] {
    const r = this.rng;
    const common = [
      () => `Why ${this.term()} matters`,
      () => `Working with the ${this.pw()} team`,
      () => `${cap(this.term())} on ${r.pick(CHANNEL_NAMES)}`,
      () => `When ${this.term()} goes wrong`,
      () => `Examples from ${this.PW()}`,
      () => `Measuring ${this.term()}`,
      () => `Roles and responsibilities`,
      () => `Common questions`,
      () => `${cap(r.pick(NOUNS))} for ${this.term()}`,
    ];
    const specific: Record<DocCollection, (() => string)[]> = {
      policy: [() => 'What this means', () => 'You must', () => 'You must not', () => 'Exceptions', () => 'Who to ask', () => `Scope for ${this.term()}`],
      phases: [() => 'What this phase looks like', () => 'How to recognise it', () => 'Typical risks', () => 'What the hub offers', () => 'Where to start'],
      playbooks: [() => 'Before you start', () => 'Steps', () => 'Worked example', () => 'Pitfalls', () => 'How to know it worked', () => 'Templates'],
      'case-studies': [() => 'The situation', () => 'What they did', () => 'What changed', () => 'What did not work', () => 'Lessons for other spokes'],
      protocols: [() => 'When to use this protocol', () => 'Steps in order', () => 'Going quiet', () => 'Closing the incident', () => 'Templates'],
    };
    return [...specific[collection], ...common];
  }

  sections(collection: DocCollection, words: number, mdx: boolean): Section[] {
    const r = this.rng;
    const n = Math.max(4, Math.min(8, Math.round(words / 190)));
    const texts = new Set<string>();
    const pool = this.headingPool(collection);
    // Collection-specific headings first (like the real entries), then the generic ones.
    if (collection === 'protocols' && mdx) texts.add('Severity tiers');
    for (let guard = 0; texts.size < n && guard < 200; guard++) {
      const t = (guard < 6 ? pool[guard % 6] ?? r.pick(pool) : r.pick(pool))();
      if (!RESERVED_HEADINGS.test(t)) texts.add(t);
    }
    return [...texts].map((text) => ({
      text,
      subs: r.chance(0.35) ? Array.from({ length: r.int(1, 3) }, () => `${cap(gerund(r.pick(VERBS)))} the ${this.term()}`).filter((s, i, a) => a.indexOf(s) === i) : [],
    }));
  }

  plan(collection: DocCollection, mdxShare: number, fixed?: { id: string; title: string }): DocPlan {
    const r = this.rng;
    const title = fixed?.title ?? this.title(collection);
    if (fixed) this.titles.add(title.toLowerCase());
    const id = fixed?.id ?? this.uniqueId(collection, title);
    if (fixed) this.ids.add(`${collection}/${id}`);
    // Drawn a little under the 600-1500 goal: headings, first paragraphs and blocks overshoot it.
    const words = r.int(480, 1250);
    const mdx = r.chance(mdxShare);
    const sections = this.sections(collection, words, mdx);
    // Same slugger as src/lib/body.ts: anchors we link to are exactly the ids the validator knows.
    const slugger = new GithubSlugger();
    const anchors: string[] = [];
    for (const s of sections) {
      anchors.push(slugger.slug(s.text));
      for (const sub of s.subs) slugger.slug(sub);
    }
    const p: DocPlan = { collection, id, title, mdx, sections, anchors, words };
    this.docs.push(p);
    const list = this.byCollection.get(collection) ?? [];
    list.push(p);
    this.byCollection.set(collection, list);
    return p;
  }

  // --- prose ---
  sentence(): string {
    const r = this.rng;
    const t = () => this.term();
    const templates: (() => string)[] = [
      () => `The ${r.pick(ROLES)} ${r.pick(VERBS)}s the ${t()} before it reaches ${r.pick(CHANNEL_NAMES)}.`,
      () => `Most spokes start with ${t()} and only later add ${t()}, usually after a ${r.pick(ADJECTIVES)} ${r.pick(NOUNS)} in ${this.PW()}.`,
      () => `If the ${t()} rises above ${r.int(2, 40)} ${r.pick(UNITS)}, tell the ${r.pick(ROLES)} and record it in the ${this.pw()} ${r.pick(NOUNS)}.`,
      () => `Keep the ${t()} ${r.pick(ADJECTIVES)}: readers in ${this.PW()} skim, and a ${t()} that needs explaining has already failed.`,
      () => `${cap(t())} is not the same as ${t()}, although the ${this.pw()} dashboard reports them side by side.`,
      () => `In ${r.int(2019, 2026)} the ${this.PW()} spoke cut its ${t()} from ${r.int(10, 90)} to ${r.int(2, 9)} ${r.pick(UNITS)} by agreeing one ${r.pick(NOUNS)} with PR and customer care.`,
      () => `Ask the ${r.pick(ROLES)} whether the ${t()} applies; when in doubt, treat it as ${r.pick(ADJECTIVES)}.`,
      () => `A ${r.pick(ADJECTIVES)} ${r.pick(NOUNS)} for ${t()} saves the first, most expensive hour of any incident.`,
      () => `Write down who owns the ${t()}, who approves it and how quickly, then share it in the ${this.pw()} channel.`,
      () => `Do not ${r.pick(VERBS)} a ${t()} on ${r.pick(CHANNEL_NAMES)} without a second pair of eyes, even on a quiet ${r.pick(['Monday', 'Friday', 'weekend', 'holiday'])}.`,
      () => `The ${this.PW()} ${r.pick(['market', 'product line', 'region', 'programme', 'platform'])} uses ${t()} and ${t()} together, which makes ${t()} easier to measure.`,
      () => `${cap(r.pick(ROLES))}s often ask how ${t()} relates to ${t()}; the short answer is that one feeds the other.`,
      () => `Review the ${t()} every ${r.pick(['week', 'month', 'quarter', 'sprint'])} against the same ${r.pick(NOUNS)}, so trends become visible.`,
      () => `When a ${t()} mentions ${this.PW()}, route it to the ${r.pick(ROLES)} within ${r.int(1, 8)} ${r.pick(['hours', 'working hours', 'minutes'])}.`,
      () => `Screenshots travel: assume any ${t()} in a ${r.pick(ADJECTIVES)} group can end up public.`,
      () => `Our ${this.pw()} ${r.pick(NOUNS)} lists every ${t()} with its owner, its ${t()} and the date it was last checked.`,
      () => `Agencies working on ${this.PW()} follow the same ${t()} rules as employees, and their contracts say so.`,
      () => `Plan the ${t()} before the ${t()}, not after; a ${r.pick(ADJECTIVES)} start avoids rework with the ${r.pick(ROLES)}.`,
      () => `The ${t()} for ${r.pick(CHANNEL_NAMES)} differs from the one for ${r.pick(CHANNEL_NAMES)}, mostly in ${t()} and ${t()}.`,
      () => `${cap(this.pw())} and ${this.pw()} are the two ${r.pick(NOUNS)}s most teams in ${this.PW()} rely on for ${t()}.`,
      () => `Nobody should learn about a ${t()} from a ${r.pick(['journalist', 'customer', 'competitor', 'regulator'])} first.`,
      () => `Record the ${t()}, the time and the link in the ${t()} before anything is deleted.`,
      () => `${cap(t())} figures mean little on their own; put them next to what people actually said about ${this.PW()}.`,
    ];
    // "a external" -> "an external": templates cannot know which word they will draw.
    return fixArticles(r.pick(templates)());
  }

  paragraph(min = 2, max = 5): string {
    return Array.from({ length: this.rng.int(min, max) }, () => this.sentence()).join(' ');
  }

  listItem(): string {
    const r = this.rng;
    return fixArticles(r.pick([
      () => `**${cap(this.term())}:** ${this.sentence()}`,
      () => this.sentence(),
      () => `${cap(r.pick(VERBS))} the ${this.term()} with the ${r.pick(ROLES)}.`,
    ])());
  }

  bulletList(): string {
    return Array.from({ length: this.rng.int(3, 6) }, () => `- ${this.listItem()}`).join('\n');
  }

  numberedList(): string {
    return Array.from({ length: this.rng.int(4, 8) }, (_, i) => `${i + 1}. **${cap(this.rng.pick(VERBS))} the ${this.term()}.** ${this.sentence()}`).join('\n');
  }

  table(): string {
    const r = this.rng;
    const rows = Array.from({ length: r.int(3, 6) }, () => `| ${cap(this.term())} | ${r.int(1, 95)} ${r.pick(UNITS)} | ${r.int(1, 95)} ${r.pick(UNITS)} | ${cap(r.pick(ROLES))} |`);
    return ['| Measure | Baseline | Target | Owner |', '|---|---|---|---|', ...rows].join('\n');
  }

  codeBlock(): string {
    const r = this.rng;
    return ['```text', `Channel: ${r.pick(CHANNEL_NAMES)}, "${this.PW()} ${r.pick(NOUNS)}"`, `Audience: ${r.pick(ROLES)}s in ${this.PW()}`, `Purpose: ${this.sentence()}`, `Owner: ${r.pick(ROLES)} (backup: ${r.pick(ROLES)})`, `Review: every ${r.int(1, 12)} months`, '```'].join('\n');
  }

  /** A short plain string for JSX props and YAML lists: no quotes or braces to escape. */
  plain(): string {
    return this.sentence().replace(/["{}<>\\]/g, '');
  }

  component(collection: DocCollection): string {
    const r = this.rng;
    const kind = r.pick(collection === 'protocols' ? ['Callout', 'Steps', 'Checklist'] : ['Callout', 'Steps', 'DoDont', 'Checklist']);
    switch (kind) {
      case 'Callout':
        return `<Callout type="${r.pick(['note', 'tip', 'warning', 'danger'])}" title="${cap(this.term())} in ${this.PW()}">\n\n${this.paragraph(1, 3)}\n\n</Callout>`;
      case 'Steps':
        return `<Steps>\n\n${this.numberedList()}\n\n</Steps>`;
      case 'Checklist':
        return `<Checklist title="${cap(this.term())} checklist">\n\n${this.bulletList()}\n\n</Checklist>`;
      default: {
        const items = (n: number) => Array.from({ length: n }, () => `    "${this.plain()}"`).join(',\n');
        return `<DoDont\n  do={[\n${items(r.int(3, 5))}\n  ]}\n  dont={[\n${items(r.int(3, 5))}\n  ]}\n/>`;
      }
    }
  }

  /** An internal link sentence to another entry, sometimes to one of its headings. */
  linkSentence(self: DocPlan): string {
    const r = this.rng;
    let target = r.pick(this.docs);
    while (target === self) target = r.pick(this.docs);
    this.linkCount++;
    if (r.chance(0.15) && this.glossary.length) {
      const g = r.pick(this.glossary);
      return r.chance(0.5) ? `See the glossary for [${g.term.toLowerCase()}](/glossary/#${g.id}).` : `The term [${g.term.toLowerCase()}](/glossary/${g.id}/) has a precise meaning here.`;
    }
    const anchor = r.chance(0.3) ? `#${r.pick(target.anchors)}` : '';
    const text = target.title.replace(/[[\]]/g, '');
    return r.pick([
      () => `For the details, read [${text}](/${target.collection}/${target.id}/${anchor}).`,
      () => `The ${r.pick(ROLES)} will usually point you to [${text.toLowerCase()}](/${target.collection}/${target.id}/${anchor}).`,
      () => `This works best together with [${text}](/${target.collection}/${target.id}/${anchor}).`,
    ])();
  }

  body(p: DocPlan): string {
    const r = this.rng;
    const out: string[] = [this.paragraph(2, 4)];
    // Word budget: the first paragraph, the intro and the optional blocks already cost words, so the
    // filler paragraphs stop at the section share *and* at the entry's total (keeps 600-1500 words).
    let total = out[0]!.split(/\s+/).length;
    const perSection = Math.max(60, Math.round((p.words - total) / p.sections.length));
    const linksLeft = r.int(3, 6);
    const linkSections = new Set(r.sample(p.sections.map((_, i) => i), linksLeft));
    let extraLinks = linksLeft - linkSections.size; // fewer sections than links: double up
    let components = p.mdx ? r.int(1, 3) : 0;
    p.sections.forEach((s, i) => {
      out.push(`## ${s.text}`);
      if (s.text === 'Severity tiers') {
        // Protocols in MDX render their own frontmatter tiers, like content/protocols/*.mdx.
        out.push('<EscalationMatrix />', this.paragraph(1, 2));
        return;
      }
      let words = 0;
      const push = (block: string) => {
        out.push(block);
        const n = block.split(/\s+/).length;
        words += n;
        total += n;
      };
      let para = this.paragraph();
      if (linkSections.has(i)) para += ` ${this.linkSentence(p)}`;
      if (extraLinks > 0 && i === p.sections.length - 1) for (; extraLinks > 0; extraLinks--) para += ` ${this.linkSentence(p)}`;
      push(para);
      if (components > 0 && r.chance(0.5)) {
        push(this.component(p.collection));
        components--;
      } else if (r.chance(0.35)) push(this.bulletList());
      else if (r.chance(0.12)) push(this.table());
      else if (r.chance(0.08)) push(this.codeBlock());
      while (words < perSection * (s.subs.length ? 0.5 : 1) && total < p.words) push(this.paragraph());
      for (const sub of s.subs) {
        out.push(`### ${sub}`);
        push(this.paragraph(1, 3)); // a heading always gets content (the validator rejects empty sections)
        if (r.chance(0.3) && total < p.words) push(this.bulletList());
        if (words < perSection && total < p.words) push(this.paragraph(1, 3));
      }
    });
    // Short draws can land under 600 words once headings are counted: top up the last section.
    while (out.join(' ').split(/\s+/).length < 600) out.push(this.paragraph());
    // Guarantee at least one component in every .mdx entry, so "30% MDX" means 30% with components.
    if (components > 0 && !/<(Callout|Steps|DoDont|Checklist|EscalationMatrix)\b/.test(out.join('\n'))) out.push(this.component(p.collection));
    return `${out.join('\n\n')}\n`;
  }

  // --- frontmatter helpers ---
  day(fromYear = 2025, toYear = 2026): string {
    const r = this.rng;
    const y = r.int(fromYear, toYear);
    const m = r.int(1, 12);
    const d = r.int(1, 28); // always a real calendar day
    const day = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    // The check refuses a review after the build day (the bench builds on 2026-06-01): such a day moves back a year.
    return day < LATEST_DAY ? day : `${y - 1}${day.slice(4)}`;
  }
  audiences(): Audience[] {
    return this.rng.sample(AUDIENCE_IDS, this.rng.int(1, 4));
  }
  channels(): Channel[] {
    return this.rng.chance(0.1) ? ['all-channels'] : this.rng.sample(CHANNEL_IDS.filter((c) => c !== 'all-channels'), this.rng.int(1, 4));
  }
  summary(): string {
    let s = `${this.sentence()} ${this.sentence()}`;
    if (s.length > 300) s = this.sentence();
    return s.slice(0, 300);
  }
  related(self: DocPlan): string[] {
    // Random picks by index: copying the 10 000-entry list per entry made generation quadratic.
    const keys = new Set<string>();
    const want = this.rng.int(2, 5);
    while (keys.size < want) {
      const d = this.rng.pick(this.docs);
      if (d !== self) keys.add(`${d.collection}/${d.id}`);
    }
    return [...keys];
  }
  changes(versioned: boolean): { date: string; version?: string; type: 'major' | 'minor'; note: string }[] {
    const n = this.rng.int(1, 4);
    return Array.from({ length: n }, (_, i) => ({
      date: this.day(2024, 2026),
      ...(versioned ? { version: `${i + 1}.0` } : {}),
      // The first change is major: controlled documents need one (src/schemas/policy.ts).
      type: i === 0 || this.rng.chance(0.3) ? ('major' as const) : ('minor' as const),
      note: this.plain(),
    }));
  }
  governance(p: DocPlan): Record<string, unknown> {
    return {
      title: p.title,
      summary: this.summary(),
      owner: this.rng.pick(this.teams).id,
      audiences: this.audiences(),
      status: 'published',
      lastReviewed: this.day(2025, 2026),
      reviewEvery: this.rng.pick([3, 6, 12, 12, 24]),
      tags: Array.from(new Set(Array.from({ length: this.rng.int(3, 8) }, () => (this.rng.chance(0.8) ? this.term() : this.pw())))),
      related: this.related(p),
    };
  }
  frontmatter(p: DocPlan, policyIds: string[], playbookIds: string[]): Record<string, unknown> {
    const r = this.rng;
    const g = this.governance(p);
    const list = (min: number, max: number) => Array.from({ length: r.int(min, max) }, () => this.plain());
    switch (p.collection) {
      case 'policy':
        return { ...g, order: (this.byCollection.get('policy') ?? []).indexOf(p) + 1, version: `${r.int(1, 4)}.${r.int(0, 9)}`, effective: this.day(2025, 2026), controlled: true, changes: this.changes(true) };
      case 'phases': {
        const phase = (this.byCollection.get('phases') ?? []).indexOf(p) + 1;
        return { ...g, changes: this.changes(false), phase, name: PHASES[phase as 1], signs: list(4, 7), risks: list(3, 6), hubOffers: list(3, 5), nextMoves: list(4, 7), playbooks: r.sample(playbookIds, r.int(4, 8)) };
      }
      case 'playbooks':
        return {
          ...g,
          changes: this.changes(false),
          goal: this.plain(),
          whenToUse: this.plain(),
          timeNeeded: r.pick(['2 hours', 'half a day', '3 weeks, about 10 hours in total', '1 day', '90 minutes', '6 weeks, 2 hours a week']),
          prerequisites: list(0, 3),
          phases: r.sample([1, 2, 3, 4], r.int(1, 3)).sort(),
          channels: this.channels(),
        };
      case 'case-studies':
        return {
          ...g,
          changes: this.changes(false),
          spoke: r.pick(this.spokes.filter((s) => s.kind === 'spoke')).id,
          phase: r.int(1, 4),
          situation: `${this.plain()} ${this.plain()}`,
          actions: list(3, 6),
          outcomes: Array.from({ length: r.int(1, 4) }, () => ({ label: `${cap(this.term())} in ${this.PW()}`, before: r.int(1, 200), after: r.int(1, 200), unit: r.pick(UNITS) })),
          lessons: list(2, 4),
          recovery: r.chance(0.3),
        };
      case 'protocols':
        return {
          ...g,
          changes: this.changes(false),
          policySection: r.pick(policyIds),
          consultedBy: r.sample(AUDIENCE_IDS, r.int(1, 4)),
          controlled: true,
          firstHour: list(4, 7),
          tiers: Array.from({ length: r.int(3, 4) }, (_, i) => ({
            tier: `Tier ${i + 1}`,
            looksLike: this.plain(),
            responseTime: `first response within ${r.pick(['15 minutes', '1 hour', '4 working hours', '1 working day'])}`,
            whoActs: cap(r.pick(ROLES)),
            inform: r.sample(ROLES, r.int(1, 4)),
          })),
          contacts: r.sample(ROLES, r.int(2, 5)).map((role) => ({ role: slugify(role), when: this.plain(), note: `${r.pick(['Duty phone', 'Response desk channel', 'Escalation queue', 'Case line'])} for ${this.PW()}` })),
        };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------------------------

/** Split N document entries over the five collections; phases are always exactly 4. */
export function splitCounts(pages: number): Record<DocCollection, number> {
  if (pages < MIN_PAGES) throw new Error(`Use at least ${MIN_PAGES} pages: 4 phases plus at least one of each other collection.`);
  const policy = Math.max(1, Math.round(pages * 0.05));
  const caseStudies = Math.max(1, Math.round(pages * 0.2));
  const protocols = Math.max(1, Math.round(pages * 0.25));
  const playbooks = pages - 4 - policy - caseStudies - protocols;
  return { policy, phases: 4, playbooks, 'case-studies': caseStudies, protocols };
}

const TEAMS = [
  { id: 'hub-editorial', name: 'Hub editorial', leadRole: 'editorial lead, social hub' },
  { id: 'hub-governance', name: 'Hub governance', leadRole: 'governance lead, social hub' },
  { id: 'hub-response', name: 'Hub response desk', leadRole: 'response desk lead' },
  { id: 'hub-enablement', name: 'Hub enablement', leadRole: 'enablement lead, social hub' },
  { id: 'hub-insights', name: 'Hub insights', leadRole: 'insights lead, social hub' },
];

const PHASE_IDS = ['missing-or-mistrusting', 'experimenting', 'integrating', 'operationalizing-and-scaling'];

/** Write a corpus of `pages` document entries (plus data collections) into `dir`. */
export function generateCorpus(dir: string, pages: number, opts: CorpusOptions = {}): CorpusSummary {
  const root = resolve(dir);
  if (existsSync(root) && readdirSync(root).length > 0) {
    // Never wipe a directory we did not write (someone could pass --out content).
    if (!existsSync(join(root, MARKER))) throw new Error(`${root} is not empty and was not written by the corpus generator; refusing to overwrite it.`);
    rmSync(root, { recursive: true, force: true });
  }
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, MARKER), `synthetic benchmark corpus: ${pages} pages, seed ${opts.seed ?? 7}\n`);

  const w = new Writer(opts.seed ?? 7);
  const r = w.rng;
  const mdxShare = opts.mdxShare ?? 0.3;
  let files = 0;
  let bytes = 0;
  const write = (collection: string, name: string, text: string) => {
    mkdirSync(join(root, collection), { recursive: true });
    writeFileSync(join(root, collection, name), text);
    files++;
    bytes += Buffer.byteLength(text);
  };

  // Teams and spokes first: titles and frontmatter reference them.
  w.teams = TEAMS.map((t) => ({ id: t.id, name: t.name }));
  for (const t of TEAMS) {
    write('teams', `${t.id}.yaml`, stringify({ name: t.name, description: w.paragraph(2, 3), leadRole: t.leadRole, contact: { email: `${t.id}@hub.example`, url: `https://tracker.hub.example/${t.id}` } }));
  }
  // Every role the protocols name is a contact (content/contacts), as in the shipped content.
  for (const [i, role] of ROLES.entries()) {
    write('contacts', `${slugify(role)}.yaml`, stringify({
      name: cap(role),
      kind: 'duty',
      description: w.paragraph(1, 1),
      phone: `+44 20 7946 0${String(100 + i).padStart(3, '0')}`,
      hours: '24 hours, every day',
      placeholder: true,
    }));
  }
  const spokeNames = ['Social Hub', 'Customer Care', 'Corporate PR', 'People and HR', 'Cloud Services', 'Consumer Devices', 'Industrial Solutions', 'Legal and Compliance'];
  w.spokes = spokeNames.map((name, i) => ({ id: slugify(name), name, kind: i === 0 ? 'hub' : 'spoke' }));
  for (const [i, s] of w.spokes.entries()) {
    write('spokes', `${s.id}.yaml`, stringify({
      name: s.name,
      kind: s.kind,
      type: i < 4 ? 'function' : 'business-unit',
      description: w.paragraph(2, 3),
      contactRole: `${r.pick(ROLES)}, ${s.name.toLowerCase()}`,
      phase: r.int(1, 4),
      assessedOn: w.day(2025, 2026),
      audiences: w.audiences(),
      channels: w.channels(),
    }));
  }

  // Glossary terms: real terms, so glossary links and search hints look like the real portal.
  const terms = r.sample(REAL_TERMS, Math.min(opts.glossary ?? 50, REAL_TERMS.length));
  w.glossary = terms.map((term) => ({ id: slugify(term), term: cap(term) }));

  // Plan every document entry (ids, titles, headings) before writing any body.
  const counts = splitCounts(pages);
  for (const [i, id] of PHASE_IDS.entries()) {
    w.plan('phases', mdxShare, { id, title: `Phase ${i + 1}: ${PHASES[(i + 1) as 1]}` });
  }
  for (const c of ['policy', 'playbooks', 'case-studies', 'protocols'] as const) {
    for (let i = 0; i < counts[c]; i++) w.plan(c, mdxShare);
  }

  const policyIds = (w.byCollection.get('policy') ?? []).map((p) => p.id);
  const playbookIds = (w.byCollection.get('playbooks') ?? []).map((p) => p.id);
  const wordCounts: number[] = [];
  let mdx = 0;
  for (const p of w.docs) {
    const fm = w.frontmatter(p, policyIds, playbookIds);
    const body = w.body(p);
    wordCounts.push(body.split(/\s+/).filter(Boolean).length);
    if (p.mdx) mdx++;
    write(p.collection, `${p.id}${p.mdx ? '.mdx' : '.md'}`, `---\n${stringify(fm, { lineWidth: 0 })}---\n\n${body}`);
  }

  // An alias may belong to one term only (the check refuses a second claim): a drawn word that is
  // already taken is dropped, without drawing again, so that other corpora keep their bytes.
  const claimed = new Set(w.glossary.map((g) => g.term.toLowerCase()));
  for (const [i, g] of w.glossary.entries()) {
    const others = w.glossary.filter((_, j) => j !== i);
    const aliases = (r.chance(0.6) ? [w.pw(), `${g.term.toLowerCase()}s`].slice(0, r.int(1, 2)) : []).filter((a) => !claimed.has(a.toLowerCase()));
    for (const a of aliases) claimed.add(a.toLowerCase());
    write('glossary', `${g.id}.yaml`, stringify({
      term: g.term,
      aliases,
      definition: w.paragraph(1, 3),
      seeAlso: r.sample(others, r.int(0, 3)).map((o) => o.id),
      owner: r.pick(w.teams).id,
      status: 'published',
    }));
  }

  const pathCount = opts.paths ?? 5;
  const pathAudiences = r.sample(AUDIENCE_IDS, Math.min(pathCount, AUDIENCE_IDS.length));
  for (let i = 0; i < pathCount; i++) {
    const audience = pathAudiences[i % pathAudiences.length] as Audience;
    const title = w.uniqueTitle(() => `Onboarding for ${audience.replace(/-/g, ' ')}s: ${w.term()} in ${w.PW()}`);
    const id = w.uniqueId('paths', title);
    const steps = r.sample(w.docs, r.int(6, 12)).map((d) => ({ entry: `${d.collection}/${d.id}`, why: w.plain(), minutes: r.pick([5, 10, 15, 20, 30, 45]) }));
    write('paths', `${id}.yaml`, stringify({
      title,
      summary: w.summary(),
      owner: 'hub-enablement',
      audiences: [audience],
      audience,
      status: 'published',
      lastReviewed: w.day(2025, 2026),
      reviewEvery: 6,
      tags: ['onboarding', w.term(), w.term()],
      related: r.sample(w.docs, 2).map((d) => `${d.collection}/${d.id}`),
      changes: [{ date: w.day(2024, 2025), type: 'major', note: 'First published.' }],
      steps,
    }, { lineWidth: 0 }));
  }

  const all: Record<string, number> = { ...counts, glossary: w.glossary.length, spokes: w.spokes.length, teams: w.teams.length, paths: pathCount };
  return {
    dir: root,
    counts: all,
    documents: w.docs.length,
    mdx,
    files,
    bytes,
    words: { min: Math.min(...wordCounts), max: Math.max(...wordCounts), mean: Math.round(wordCounts.reduce((a, b) => a + b, 0) / wordCounts.length) },
    internalLinks: w.linkCount,
    samplePlaybook: playbookIds[0] ?? '',
  };
}

/** Run the portal's own validator over a corpus; returns the problem lines (empty when valid). */
export async function validateCorpus(dir: string): Promise<{ entries: number; problems: string[] }> {
  // Imported lazily: the validator pulls in remark and zod, which the build script does not need.
  const { readContent } = await import('../../src/node/read-content.ts');
  const { validateContent, formatProblem } = await import('../../src/lib/validate-content.ts');
  const { entries, problems } = validateContent(readContent(dir));
  return { entries: entries.length, problems: problems.map(formatProblem) };
}

// ---------------------------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------------------------

const USAGE = `Usage: node scripts/bench/corpus.ts [--pages 2000] [--seed 7] [--out /tmp/corpus]

Writes a synthetic corpus into --out: --pages document entries, with teams, contacts, spokes,
glossary terms and onboarding paths; then checks it with the portal's own validator (the code that
npm run check and the build's content check run). Prints the files written, their size and the time
taken; the entries per collection; the documents, the share of MDX, the body words (min / mean /
max) and the internal links; then the entries validated and the number of problems, with the first 40.

${CORPUS_USAGE}
  --out DIR      the folder to write (default: /tmp/corpus); a folder the generator wrote before is
                 replaced, any other that is not empty is refused

Exit codes: 0 written and valid, 1 the validator found problems or --out is a folder that is not empty and was not written by the generator, 2 usage error.`;

export interface CorpusCliOptions {
  pages: number;
  seed: number;
  /** --out as given; generateCorpus resolves it. */
  out: string;
}

/** The generator's options, from the command line unless given: `--help` prints USAGE and exits 0; a usage error exits 2, before anything is written. */
export function readOptions(args?: string[]): CorpusCliOptions {
  const { values } = readArgs(USAGE, { pages: CORPUS_OPTIONS.pages, seed: CORPUS_OPTIONS.seed, out: { type: 'string', default: '/tmp/corpus' } }, { args });
  return { ...readCorpusSize(USAGE, values), out: values.out };
}

async function main({ pages, seed, out }: CorpusCliOptions): Promise<number> {
  let started = performance.now();
  const summary = generateCorpus(out, pages, { seed });
  const genMs = performance.now() - started;
  console.log(`Wrote ${summary.files} files (${(summary.bytes / 1e6).toFixed(1)} MB) to ${summary.dir} in ${(genMs / 1000).toFixed(1)} s`);
  console.log(`  ${Object.entries(summary.counts).map(([c, n]) => `${c} ${n}`).join(', ')}`);
  console.log(`  ${summary.documents} documents, ${summary.mdx} MDX (${Math.round((100 * summary.mdx) / summary.documents)}%), body words min ${summary.words.min} / mean ${summary.words.mean} / max ${summary.words.max}, ${summary.internalLinks} internal links`);
  started = performance.now();
  const { entries, problems } = await validateCorpus(out);
  console.log(`Validated ${entries} entries in ${((performance.now() - started) / 1000).toFixed(1)} s: ${problems.length} problem(s).`);
  for (const p of problems.slice(0, 40)) console.error(`  ${p}`);
  if (problems.length > 40) console.error(`  … and ${problems.length - 40} more`);
  return problems.length ? EXIT.problems : EXIT.ok;
}

// A corpus that cannot be written (--out not empty and not the generator's) throws: runMain prints it and exits 1.
if (import.meta.main) runMain(() => main(readOptions()));
