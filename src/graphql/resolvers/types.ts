import type { Context } from '../context.js';
import type { GNodeRow } from '../../query/list.js';
import type { NeighbourName } from '../../query/neighbours.js';
import { resolveOrder, type OrderBy } from '../../query/order.js';
import { pageList, type PageArgs } from '../../query/page.js';
import { fromMentions, fromReports } from './evidence.js';

/**
 * Field resolvers of the node types. Each one is a DataLoader call, so the number of Cypher
 * round-trips grows with the number of distinct fields in a query, not with the rows returned.
 */
type Parent = GNodeRow;
const many = (name: NeighbourName) => (p: Parent, _a: unknown, ctx: Context) => ctx.loaders.neighbours(name).load(p.id);
const one = (name: NeighbourName) => async (p: Parent, _a: unknown, ctx: Context) =>
  (await ctx.loaders.neighbours(name).load(p.id))[0] ?? null;
const mentions = (p: Parent, _a: unknown, ctx: Context) => ctx.loaders.mentionedBy(p.__label).load(p.id);
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

  Place: {
    aliases,
    parent: one('placeParent'),
    children: many('placeChildren'),
    ancestors: many('placeAncestors'),
    initiatives: async (p: Parent, args: PageArgs & { includeSubPlaces?: boolean; kind?: string; orderBy?: Partial<OrderBy> }, ctx: Context) => {
      const spec = args.includeSubPlaces === false ? 'placeInitiativesDirect' : 'placeInitiativesDeep';
      let list = await ctx.loaders.neighbours(spec).load(p.id);
      if (args.kind) list = list.filter((i) => i.kind === args.kind);
      const o = resolveOrder('Initiative', args.orderBy);
      const key = o.field === 'ID' ? (i: Parent) => i.id : (i: Parent) => String(i.name ?? '');
      return pageList(`Place.initiatives:${o.field}:${o.direction}`, list, key, args, o.direction);
    },
    articles: mentions,
    evidence,
  },
  Organization: { aliases, place: one('orgPlace'), people: many('orgPeople'), articles: mentions, evidence },
  Initiative: {
    aliases,
    places: many('initiativePlaces'),
    parent: one('initiativeParent'),
    children: many('initiativeChildren'),
    runBy: many('initiativeRunBy'),
    mentorships: many('initiativeMentorships'),
    figures: many('initiativeFigures'),
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
    organizations: many('personOrgs'),
    cohorts: many('personCohorts'),
    mentors: many('personMentors'),
    mentees: many('personMentees'),
    mentorships: many('personMentorships'),
    initiatives: participations('partyInitiatives'),
    articles: mentions,
    evidence,
  },
  Cohort: {
    approx: (p: Parent) => Boolean(p.approx),
    place: one('cohortPlace'),
    members: many('cohortMembers'),
    mentors: many('cohortMentors'),
    mentees: many('cohortMentees'),
    mentorships: many('cohortMentorships'),
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
    articles: many('mentorshipReports'),
  },
  Figure: {
    approx: (p: Parent) => Boolean(p.approx),
    about: one('figureAbout'),
    evidence: async (p: Parent, _a: unknown, ctx: Context) => fromReports(await ctx.loaders.neighbours('figureReports', true).load(p.id)),
    articles: many('figureReports'),
  },
  Article: {
    // List and neighbour rows carry no text (neighbours.ts rowProjection); node(id) does.
    text: (p: Parent, _a: unknown, ctx: Context) => (typeof p.text === 'string' ? p.text : ctx.loaders.articleText.load(p.id)),
    credits: (p: Parent) =>
      ((p.credits as string[] | undefined) ?? []).map((c) => {
        const at = c.indexOf(':');
        return { role: c.slice(0, at), name: c.slice(at + 1) };
      }),
    places: many('articlePlaces'),
    initiatives: many('articleInitiatives'),
    people: many('articlePeople'),
    cohorts: many('articleCohorts'),
    organizations: many('articleOrgs'),
    mentorships: many('articleMentorships'),
    figures: many('articleFigures'),
  },
};
