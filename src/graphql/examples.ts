/** What GraphiQL opens with: queries that answer real questions, to learn the schema by. */
export const EXAMPLE_QUERY = `# Who mentors whom in 孝昌县, under which initiative, and which article says so?
query MentorsInXiaochang {
  mentorships(filter: {place: "孝昌县"}, first: 10) {
    totalCount
    nodes {
      mentor { ... on Person { name title } ... on Cohort { label size } }
      mentee { ... on Person { name title } ... on Cohort { label size } }
      initiative { name kind }
      evidence { quote article { title } }
    }
  }
}

# All mentoring initiatives in 湖北省 (through the place hierarchy)
query MentoringInHubei {
  initiatives(filter: {place: "湖北省", kind: mentoring}) {
    nodes { name places { name ancestors { name } } }
  }
}

# Full-text search
query Search {
  search(query: "帮带", first: 5) {
    score type
    node { ... on Initiative { name } ... on Article { title } ... on Place { name } ... on Cohort { label size } ... on Person { name title } }
  }
}

# The neighbourhood of 孝昌县 for a visualizer (mentorships drawn as MENTORS edges);
# the same as a file: /export/graph.gexf?focus=place:420921&depth=1 — or open /explore
query GraphOfXiaochang {
  graph(focus: ["place:420921"], depth: 1) {
    truncated
    nodes { entityId type label }
    edges { sourceEntityId targetEntityId type properties }
  }
}

# Where and when: the provinces by mentorships, reports per month, the initiatives with the
# most mentoring — what /overview draws
query ActivityByRegion {
  regions(level: province) { place { name } mentorships initiatives articles firstReported }
  timeline { month articles mentorships }
  initiativeActivity(first: 5) { initiative { name } mentorships mentees articles }
}

query Stats { stats { places initiatives people cohorts mentorships figures articles } }
`;

/**
 * The same, one tab each in GraphiQL: an example is an operation with the comment lines
 * before it.
 */
export const EXAMPLE_TABS: Array<{ query: string }> = EXAMPLE_QUERY.split(/\n\n(?=#|query )/).map((q) => ({ query: `${q.trim()}\n` }));
