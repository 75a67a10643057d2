import type { GraphQLResolveInfo } from 'graphql';
import { BadInputError } from '../../errors.js';
import type { Context } from '../context.js';
import { selectedFields } from '../selection.js';
import type { GNodeRow } from '../../query/list.js';
import type { Neighbour, NeighbourName } from '../../query/neighbours.js';
import type { NodeLabel } from '../../model.js';
import { resolveOrder, type OrderBy, type OrderedList } from '../../query/order.js';
import { pageList, type PageArgs } from '../../query/page.js';
import { fromMentions, fromReports } from './evidence.js';

/**
 * Field resolvers of the node types. Each one is a DataLoader call, so the number of Cypher
 * round-trips grows with the number of distinct fields in a query, not with the rows returned.
 */
type Parent = GNodeRow;
type OrderArgs = { orderBy?: Partial<OrderBy> | null };
type PlaceInitiativesArgs = PageArgs & { includeSubPlaces?: boolean; kind?: string; orderBy?: Partial<OrderBy> };
/** The client's orderBy of a nested list of `list` nodes, when it gave one. */
const orderOf = (list: OrderedList, a: OrderArgs | undefined) => (a?.orderBy ? resolveOrder(list, a.orderBy) : undefined);
// Rows carry only the stored properties the query selects (selection.ts): `articles { title }`
// of 100 initiatives reads titles, not every article property.
/**
 * The loader a plain neighbour field reads from, so that a list can read the field with its
 * page (query.ts): the field's own name, or `mentions` (the articles mentioning the parent).
 */
const AHEAD = Symbol('ahead');
type Ahead = NeighbourName | 'mentions';
const ahead = <F extends object>(f: F, a: Ahead): F => Object.assign(f, { [AHEAD]: a });
export function aheadOf(resolver: unknown): Ahead | undefined {
  return typeof resolver === 'function' ? (resolver as { [AHEAD]?: Ahead })[AHEAD] : undefined;
}

/**
 * How a field loads its value for a node — its loader call, from the node's id and label, the
 * field's arguments and the fields selected on its value — and what it makes of the rows. The
 * resolver and node(id)'s early start of the same call (prefetchOf, query.ts) are both derived
 * from it, so the resolver always finds the prefetched rows in the loader's cache.
 */
const PREFETCH = Symbol('prefetch');
type Load = (id: string, label: NodeLabel, args: any, ctx: Context, fields: readonly string[]) => Promise<Neighbour[]>;
export type Prefetch = (id: string, label: NodeLabel, args: Record<string, any>, ctx: Context, fields: readonly string[]) => void;
export function prefetchOf(resolver: unknown): Prefetch | undefined {
  return typeof resolver === 'function' ? (resolver as { [PREFETCH]?: Prefetch })[PREFETCH] : undefined;
}
function loaded<A, T>(load: Load, shape: (rows: Neighbour[], args: A) => T) {
  const resolver = async (p: Parent, args: A, ctx: Context, info: GraphQLResolveInfo) => shape(await load(p.id, p.__label, args, ctx, selectedFields(info)), args);
  // A prefetch that fails is the resolver's to report (it awaits the same promise).
  const prefetch: Prefetch = (id, label, args, ctx, fields) => void load(id, label, args, ctx, fields).catch(() => undefined);
  return Object.assign(resolver, { [PREFETCH]: prefetch });
}

const many = (name: NeighbourName, list?: OrderedList) =>
  ahead(loaded((id, _label, a: OrderArgs, ctx, fields) => ctx.loaders.neighbours(name, false, list && orderOf(list, a), fields).load(id), (rows) => rows), name);
const one = (name: NeighbourName) =>
  ahead(loaded((id, _label, _a: unknown, ctx, fields) => ctx.loaders.neighbours(name, false, undefined, fields).load(id), (rows) => rows[0] ?? null), name);
const mentions = ahead(
  loaded((id, label, a: OrderArgs, ctx, fields) => ctx.loaders.mentionedBy(label, false, orderOf('Article', a), fields).load(id), (rows) => rows),
  'mentions',
);
const evidence = async (p: Parent, _a: unknown, ctx: Context) => fromMentions(await ctx.loaders.mentionedBy(p.__label, true).load(p.id));
const participations = (name: NeighbourName) => async (p: Parent, _a: unknown, ctx: Context) =>
  (await ctx.loaders.neighbours(name, true).load(p.id)).map((i) => ({ party: p, initiative: i, role: i.__rel.role ?? null }));
const aliases = (p: Parent) => (p.aliases as string[] | undefined) ?? [];

export const typeResolvers = {
  Node: { __resolveType: (p: Parent) => p.__label },
  Party: { __resolveType: (p: Parent) => p.__label },
  FigureTarget: { __resolveType: (p: Parent) => p.__label },
  SearchResult: { __resolveType: (p: Parent) => p.__label },
  InitiativeKind: { field_placement: 'field-placement', study_tour: 'study-tour' },
  OrgKind: { mass_organization: 'mass-organization' },
  TitleSource: { first_sentence: 'first-sentence', publisher_date: 'publisher-date' },

  Place: {
    aliases,
    parent: one('placeParent'),
    children: many('placeChildren', 'Place'),
    ancestors: many('placeAncestors'),
    initiatives: loaded(
      (id, _label, args: PlaceInitiativesArgs, ctx) => ctx.loaders.neighbours(args.includeSubPlaces === false ? 'placeInitiativesDirect' : 'placeInitiativesDeep').load(id),
      (all, args: PlaceInitiativesArgs) => {
        const list = args.kind ? all.filter((i) => i.kind === args.kind) : all;
        const o = resolveOrder('Initiative', args.orderBy);
        // This list is paged in memory from rows that carry no report dates.
        if (o.field === 'FIRST_REPORTED') throw new BadInputError('Place.initiatives is ordered by NAME or ID; for FIRST_REPORTED use initiatives(filter: {place}, orderBy: …)');
        const key = o.field === 'ID' ? (i: Parent) => i.id : (i: Parent) => String(i.name ?? '');
        return pageList(`Place.initiatives:${o.field}:${o.direction}`, list, key, args, o.direction);
      },
    ),
    articles: mentions,
    evidence,
  },
  Organization: { aliases, place: one('orgPlace'), people: many('orgPeople', 'Person'), articles: mentions, evidence },
  Initiative: {
    aliases,
    places: many('initiativePlaces', 'Place'),
    parent: one('initiativeParent'),
    children: many('initiativeChildren', 'Initiative'),
    runBy: many('initiativeRunBy', 'Organization'),
    mentorships: many('initiativeMentorships', 'Mentorship'),
    figures: many('initiativeFigures', 'Figure'),
    participants: async (p: Parent, _a: unknown, ctx: Context) =>
      (await ctx.loaders.neighbours('initiativeParticipants', true).load(p.id)).map((party) => ({
        party,
        initiative: p,
        role: party.__rel.role ?? null,
      })),
    articles: mentions,
    evidence,
  },
  Person: {
    roles: (p: Parent) => (p.roles as string[] | undefined) ?? [],
    place: one('personPlace'),
    organizations: many('personOrgs', 'Organization'),
    cohorts: many('personCohorts', 'Cohort'),
    mentors: many('personMentors', 'Party'),
    mentees: many('personMentees', 'Party'),
    mentorships: many('personMentorships', 'Mentorship'),
    initiatives: participations('partyInitiatives'),
    articles: mentions,
    evidence,
  },
  Cohort: {
    approx: (p: Parent) => Boolean(p.approx),
    place: one('cohortPlace'),
    members: many('cohortMembers', 'Person'),
    mentors: many('cohortMentors', 'Party'),
    mentees: many('cohortMentees', 'Party'),
    mentorships: many('cohortMentorships', 'Mentorship'),
    initiatives: participations('cohortInitiatives'),
    articles: mentions,
    evidence,
  },
  Mentorship: {
    mentor: one('mentorshipMentor'),
    mentee: one('mentorshipMentee'),
    initiative: one('mentorshipInitiative'),
    place: one('mentorshipPlace'),
    evidence: async (p: Parent, _a: unknown, ctx: Context) => fromReports(await ctx.loaders.neighbours('mentorshipReports', true).load(p.id)),
    articles: many('mentorshipReports', 'Article'),
  },
  Figure: {
    approx: (p: Parent) => Boolean(p.approx),
    about: one('figureAbout'),
    evidence: async (p: Parent, _a: unknown, ctx: Context) => fromReports(await ctx.loaders.neighbours('figureReports', true).load(p.id)),
    articles: many('figureReports', 'Article'),
  },
  Article: {
    // List and neighbour rows carry no text (neighbours.ts rowMap); node(id) does.
    text: (p: Parent, _a: unknown, ctx: Context) => (typeof p.text === 'string' ? p.text : ctx.loaders.articleText.load(p.id)),
    credits: (p: Parent) =>
      ((p.credits as string[] | undefined) ?? []).map((c) => {
        const at = c.indexOf(':');
        return { role: c.slice(0, at), name: c.slice(at + 1) };
      }),
    places: many('articlePlaces', 'Place'),
    initiatives: many('articleInitiatives', 'Initiative'),
    people: many('articlePeople', 'Person'),
    cohorts: many('articleCohorts', 'Cohort'),
    organizations: many('articleOrgs', 'Organization'),
    mentorships: many('articleMentorships', 'Mentorship'),
    figures: many('articleFigures', 'Figure'),
  },
};
