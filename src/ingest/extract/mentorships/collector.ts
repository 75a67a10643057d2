import type { MentorshipFact } from '../../facts.js';
import { clauseQuote, occurrences, sentenceAt, type ExtractContext } from '../context.js';
import type { InitiativeHit } from '../initiatives.js';
import type { PersonHit } from '../people.js';
import type { PlaceHit } from '../places.js';
import type { GroupParty } from './groups.js';

export interface MentorshipHit extends MentorshipFact {
  start: number;
}

/**
 * What the mentorship readers share for one article: the people and where they are named, the
 * groups met so far, and the records found (deduplicated, each with its scheme, place and quote).
 */
export class Collector {
  readonly out: MentorshipHit[] = [];
  readonly groups = new Map<string, GroupParty>();
  /** Spans a reader explained before the frames ran: no frame rereads them. */
  readonly explained: Array<[number, number]> = [];
  /** Every occurrence of every person, in text order. */
  readonly personAt: Array<{ p: PersonHit; at: number; end: number }>;
  private readonly seen = new Set<string>();

  constructor(
    readonly ctx: ExtractContext,
    readonly people: PersonHit[],
    readonly initiatives: InitiativeHit[],
    readonly main?: PlaceHit,
  ) {
    this.personAt = people.flatMap((p) => occurrences(ctx.text, p.name).map((at) => ({ p, at, end: at + p.name.length }))).sort((a, b) => a.at - b.at);
  }

  get text(): string {
    return this.ctx.text;
  }

  /** The mentoring scheme the sentence names, else the last one named shortly before. */
  mentoringNear(at: number): string | undefined {
    const s = sentenceAt(this.ctx, at);
    const inSentence = this.initiatives.filter((i) => i.kind === 'mentoring' && s && i.start >= s.start && i.start < s.start + s.text.length);
    if (inSentence.length) return inSentence.at(-1)!.name;
    return this.initiatives.filter((i) => i.kind === 'mentoring' && i.start < at && at - i.start < 300).at(-1)?.name;
  }

  add(mentor: string | undefined, mentee: string, start: number, end: number, strength: 'explicit' | 'implied' = 'explicit'): void {
    const k = `${mentor ?? '?'}|${mentee}`;
    if (mentor === mentee || this.seen.has(k)) return;
    this.seen.add(k);
    const placeOf = (name: string | undefined) => this.people.find((p) => p.name === name)?.place?.name;
    this.out.push({
      mentor,
      mentee,
      initiative: this.mentoringNear(start),
      // A mentorship is where its people are, else where the article is.
      place: placeOf(mentee) ?? placeOf(mentor) ?? this.main?.name,
      strength,
      evidence: clauseQuote(this.ctx, start, end),
      start,
    });
  }

  /** Registers a group side and returns its label. */
  group(g: GroupParty): string {
    if (!this.groups.has(g.label)) this.groups.set(g.label, g);
    return g.label;
  }

  /** A person the readers found themselves (吴贵伦是楼楠的导师, 师傅:李云龙). */
  addPerson(name: string, at: number): void {
    if (this.people.some((p) => p.name === name)) return;
    const hit: PersonHit = { name, start: at, end: at + name.length, place: this.main };
    this.people.push(hit);
    for (const o of occurrences(this.text, name)) this.personAt.push({ p: hit, at: o, end: o + name.length });
    this.personAt.sort((a, b) => a.at - b.at);
  }

  /** Persons named inside [a, b). */
  personsIn(a: number, b: number) {
    return this.personAt.filter((x) => x.at >= a && x.end <= b);
  }

  /** The person a pronoun (他/她) refers to: the last one named before `at` (that `prefer` accepts). */
  antecedent(at: number, prefer?: (name: string) => boolean): string | undefined {
    return this.personAt.filter((x) => x.end <= at && (!prefer || prefer(x.p.name))).at(-1)?.p.name;
  }

  /**
   * 周永福今年带了两个徒弟。徒弟田小军…: the person last said (within a few sentences before `at`)
   * to have a counted band of apprentices — not the bare 徒弟 a frame fills in.
   */
  masterBefore(at: number): string | undefined {
    const named = new Set(this.people.map((p) => p.name));
    const band = (label: string) => this.groups.get(label)?.size !== undefined && /(徒弟|学徒)$/.test(label);
    return this.out.filter((o) => o.start < at && at - o.start < 300 && o.mentor && named.has(o.mentor) && band(o.mentee)).at(-1)?.mentor;
  }

  hasRecordIn(start: number, end: number): boolean {
    return this.out.some((m) => m.start >= start && m.start < end);
  }
}
