// Generated from the Rust types by src-tauri/tests/bindings.rs (ts-rs). Do not edit:
// change the Rust types, then run `UPDATE_BINDINGS=1 cargo test -p trellis-studio --test bindings`.

/**
 * Who the engagement is for and the yardsticks it is measured with.
 */
export type Engagement = { name: string, client: string, consultant: string, 
/**
 * `YYYY-MM-DD`.
 */
created: string, scale: Scale, target_mix: Mix, 
/**
 * The ISO 4217 code costs are given in (`EUR`, `GBP`), when the engagement has one.
 */
currency: string | null, };

/**
 * The proficiency scale levels are measured on, with a label per level.
 */
export type Scale = { min: number, max: number, labels: Array<string>, };

/**
 * A learning mix in the three buckets of 70-20-10, in percent.
 */
export type Mix = { experiential: number, social: number, formal: number, };

/**
 * A job role in the client organisation.
 */
export type Role = { id: string, name: string, description: string, 
/**
 * The department or role group.
 */
group: string, headcount: number, 
/**
 * External ids such as `esco:<uri>` or `onet:<code>`.
 */
refs: Array<string>, };

/**
 * Something people need to be able to do or know.
 */
export type Competency = { id: string, name: string, description: string, category: string, 
/**
 * The broader competency in a hierarchy.
 */
parent: string | null, refs: Array<string>, };

/**
 * A way people learn: a course, a stretch project, a coaching programme, a job aid...
 */
export type Channel = { id: string, name: string, kind: ChannelKind, description: string, 
/**
 * How many people one cohort (one run) can serve.
 */
capacity: number | null, 
/**
 * How many cohorts run a year; absent means one.
 */
cohorts_per_year: number | null, cost: number | null, 
/**
 * What `cost` is counted per; absent is read as per person.
 */
cost_basis: CostBasis | null, 
/**
 * Learner hours per person.
 */
hours: number | null, 
/**
 * Level it is evaluated at: 0 none, 1 reaction, 2 learning, 3 behaviour, 4 results (Kirkpatrick), 5 ROI (Phillips).
 */
evaluation_level: number, };

/**
 * A role needs a competency at a target level.
 */
export type Requires = { role: string, competency: string, target_level: number, current_level: number | null, criticality: Criticality, };

/**
 * A channel develops a competency at one or more stages of the learning journey
 * (a simulation with a debrief: practice and feedback).
 */
export type Develops = { channel: string, competency: string, 
/**
 * Not empty, each stage once; kept in journey order by `Model::normalize`.
 */
stages: Array<Stage>, };

/**
 * A channel is open to the people in a role.
 */
export type Reaches = { channel: string, role: string, };

/**
 * A learner meets channel `to` after channel `from`.
 */
export type Follows = { from: string, to: string, };

/**
 * `competency` builds on `requires`, which comes first.
 */
export type Prerequisite = { competency: string, requires: string, };

/**
 * One answer to one diagnostic question.
 */
export type Response = { bank: string, question: string, 
/**
 * A name, or an anonymous token.
 */
respondent: string, 
/**
 * A role or department, when the respondent gave one.
 */
group: string | null, 
/**
 * Learner, manager, L&D or leader, when the respondent said; absent means unknown.
 */
respondent_type?: RespondentType | null, 
/**
 * 1-5, or `None` for "don't know".
 */
score: number | null, note: string, 
/**
 * RFC 3339 time.
 */
at: string, };

/**
 * A bank of questions answered on the 1-5 `SCALE` (or "don't know").
 */
export type Bank = { id: string, version: number, title: string, description: string, questions: Array<Question>, };

export type Question = { id: string, area: Area, text: string, 
/**
 * What a 1 and a 5 look like, to help people answer consistently.
 */
help: string, 
/**
 * A discussion prompt: the group talks about it and may leave notes, but nobody rates it,
 * and it counts in no score.
 */
prompt?: boolean, };

/**
 * The consultant accepted or dismissed the finding with this key.
 */
export type Disposition = { key: string, status: Verdict, note: string, };

/**
 * A finding the consultant wrote from what they saw and heard.
 */
export type ManualFinding = { id: string, title: string, severity: Severity, pillar: Area, subjects: Subjects, rationale: string, recommendation: string, };

/**
 * Engagement settings that are not part of the client's model.
 */
export type Settings = { 
/**
 * Results by group are shown only for groups with at least this many respondents.
 */
anonymity_threshold: number, };

/**
 * The items a finding is about; absent keys are omitted in JSON.
 */
export type Subjects = { role?: string | null, competency?: string | null, channel?: string | null, cycle?: Array<string> | null, };

/**
 * One change. `Put*` inserts or replaces by id (or by endpoints for relations).
 */
export type Edit = { "op": "set_engagement" } & Engagement | { "op": "put_role" } & Role | { "op": "remove_role", id: string, } | { "op": "put_competency" } & Competency | { "op": "remove_competency", id: string, } | { "op": "put_channel" } & Channel | { "op": "remove_channel", id: string, } | { "op": "put_requires" } & Requires | { "op": "remove_requires", role: string, competency: string, } | { "op": "put_develops" } & Develops | { "op": "remove_develops", channel: string, competency: string, } | { "op": "add_reaches" } & Reaches | { "op": "remove_reaches" } & Reaches | { "op": "add_follows" } & Follows | { "op": "remove_follows" } & Follows | { "op": "add_prerequisite" } & Prerequisite | { "op": "remove_prerequisite" } & Prerequisite | { "op": "add_response" } & Response | { "op": "remove_responses", respondent: string, bank: string | null, } | { "op": "set_disposition" } & Disposition | { "op": "remove_disposition", key: string, } | { "op": "put_manual_finding" } & ManualFinding | { "op": "remove_manual_finding", id: string, } | { "op": "set_summary" } & string | { "op": "set_settings" } & Settings | { "op": "put_bank" } & Bank | { "op": "remove_bank", id: string, };

/**
 * What sort of learning a channel offers.
 */
export type ChannelKind = "formal" | "experiential" | "coaching" | "knowledge" | "social" | "platform";

/**
 * Where in the learning journey a channel helps: introduce, practise, get feedback, find support.
 */
export type Stage = "introduce" | "practice" | "feedback" | "support";

/**
 * How much it matters that a role masters a competency.
 */
export type Criticality = "low" | "medium" | "high";

/**
 * The three buckets of the 70-20-10 learning mix.
 */
export type Bucket = "experiential" | "social" | "formal";

/**
 * How urgent a finding is, most urgent first.
 */
export type Severity = "critical" | "high" | "medium" | "low";

/**
 * The six areas a learning ecosystem is diagnosed and scored in; the label is the heading a
 * client reads.
 */
export type Area = "beyond-training" | "experiential" | "coaching" | "knowledge-access" | "transfer-climate" | "measurement";

/**
 * What the consultant decided about a finding.
 */
export type Verdict = "accepted" | "dismissed";

/**
 * What a channel's cost is counted per: each learner, each cohort run, or each year.
 */
export type CostBasis = "per-person" | "per-cohort" | "per-year";

/**
 * What part a respondent plays in learning at the client: the person learning, their
 * manager, the learning and development team, or a senior leader. Absent means unknown.
 */
export type RespondentType = "learner" | "manager" | "ld" | "leader";

/**
 * An error as the UI sees it: switch on `code`, show `message`.
 */
export type ApiError = { code: ErrorCode, message: string, 
/**
 * For a refused edit (`invalid`), each broken rule by the field it is about, in the order of
 * the message, so that a form can show it beside that field; empty for other errors.
 */
fields: Array<FieldError>, };

/**
 * One rule a refused edit broke: the field (`cost`, `cohorts_per_year`, `currency`) and what is
 * wrong with it (`0 is not a positive number of cohorts`).
 */
export type FieldError = { field: string, message: string, };

/**
 * Every code the studio's web view can be told, in one list: the core's, a live session's
 * refusals, the shell's and the UI's own. The UI keys its error views by it
 * (`Record<ErrorCode, ...>` in `ui/src/errors.ts`), so a code added here does not
 * type-check there until it has its words.
 */
export type ErrorCode = "not-found" | "exists" | "not-trellis" | "damaged" | "too-new" | "invalid" | "parse" | "not-in-model" | "usage" | "refused" | "io" | "database" | "closed" | "unknown-question" | "unknown-participant" | "ended" | "no-more-questions" | "full" | "not-saved" | "no-engagement" | "not-live" | "live" | "internal";

export type TemplateInfo = { name: string, summary: string, };

/**
 * How many of each thing an engagement holds.
 */
export type Counts = { roles: number, competencies: number, channels: number, requires: number, develops: number, reaches: number, follows: number, prerequisites: number, responses: number, };

/**
 * An engagement at a glance: `trellis info` and the studio's title bar.
 */
export type Info = { path: string, file_version: number, engagement: Engagement, roles: number, competencies: number, channels: number, requires: number, develops: number, reaches: number, follows: number, prerequisites: number, responses: number, };

/**
 * An engagement the studio opened lately.
 */
export type RecentEngagement = { path: string, name: string, client: string, };

/**
 * Whether there is something to undo and to redo: the studio greys its buttons and menu items.
 */
export type History = { can_undo: boolean, can_redo: boolean, };

/**
 * The three kinds of item in a model.
 */
export type ItemKind = "role" | "competency" | "channel";

/**
 * The items of the model without their links, and the role groups and competency categories in use.
 */
export type Lists = { roles: Array<Role>, competencies: Array<Competency>, channels: Array<Channel>, groups: Array<string>, categories: Array<string>, };

/**
 * Every link that touches one item.
 */
export type Links = { requires: Array<Requires>, develops: Array<Develops>, reaches: Array<Reaches>, follows: Array<Follows>, prerequisites: Array<Prerequisite>, };

/**
 * What an edit did: the id of the item it created (when it created one) and the history after it.
 */
export type Applied = { id: string | null, history: History, };

/**
 * A coverage cell to explain: a (role, competency) pair, or with `kind` a (competency, channel kind) cell.
 */
export type CellQuery = { role: string | null, competency: string, kind: ChannelKind | null, };

/**
 * A channel that covers a cell, and the stages it develops the competency at.
 */
export type CellChannel = { id: string, name: string, kind: ChannelKind, stages: Array<Stage>, };

/**
 * An item's id and name, with its role group or competency category.
 */
export type Named = { id: string, name: string, group: string, };

/**
 * One cell of the roles x competencies heatmap.
 */
export type CoverageCell = { role: string, competency: string, stages: Array<Stage>, 
/**
 * How many of the four stages are covered: 0-4.
 */
integration: number, criticality: Criticality, target_level: number, };

/**
 * A row of the competencies x channel kinds matrix: `develops` links by kind, in `kinds` order.
 */
export type KindRow = { competency: string, counts: Array<number>, };

/**
 * Role groups x competency categories: the mean integration (0-4) of the pairs in each cell.
 */
export type GroupCells = { groups: Array<string>, categories: Array<string>, cells: Array<Array<number | null>>, };

/**
 * Both coverage matrices. Past `COVERAGE_ITEMS` roles or competencies the heatmap is `grouped`
 * (role groups x competency categories) and the pair lists are empty.
 */
export type CoverageView = { mean_integration: number, roles: Array<Named>, competencies: Array<Named>, cells: Array<CoverageCell>, kinds: Array<ChannelKind>, kind_rows: Array<KindRow>, grouped: GroupCells | null, };

/**
 * What to draw. Empty filters keep everything.
 */
export type MapQuery = { 
/**
 * Only the roles of this group (and what they require and what reaches them).
 */
group: string | null, 
/**
 * Only the competencies of this category.
 */
category: string | null, 
/**
 * Only channels of these kinds.
 */
kinds: Array<ChannelKind>, 
/**
 * One role, the competencies it requires and the channels that reach it.
 */
focus: string | null, 
/**
 * The node limit; `None`: `MAP_NODE_LIMIT`.
 */
limit: number | null, };

export type MapNodeKind = "role" | "competency" | "channel" | "group" | "category" | "channel-kind";

export type MapNode = { 
/**
 * The item's id, or `group:NAME`, `category:NAME`, `kind:KIND` for a summary node.
 */
id: string, kind: MapNodeKind, label: string, 
/**
 * The role group, competency category or channel kind it belongs to.
 */
class: string, 
/**
 * How many items a summary node stands for (1 for an item).
 */
count: number, };

export type MapEdgeKind = "requires" | "develops" | "reaches" | "follows" | "prerequisite";

export type MapEdge = { source: string, target: string, kind: MapEdgeKind, 
/**
 * How many links a summary edge stands for (1 for a link).
 */
count: number, 
/**
 * For a single `requires` link.
 */
criticality: Criticality | null, };

export type MapGraph = { 
/**
 * True when some items are drawn as their group, category or kind.
 */
summary: boolean, 
/**
 * How many items the selection holds (drawn or summarised).
 */
items: number, nodes: Array<MapNode>, edges: Array<MapEdge>, };

/**
 * Which findings to list. Empty fields keep everything.
 */
export type FindingQuery = { area: Area | null, severity: Severity | null, code: string | null, 
/**
 * `open`, `accepted` or `dismissed`.
 */
status: string | null, 
/**
 * At most this many rows (the total is reported); `None`: `FINDING_ROWS`.
 */
limit: number | null, };

/**
 * One subject of a finding, named.
 */
export type SubjectRef = { 
/**
 * `role`, `competency` or `channel`.
 */
kind: string, id: string, name: string, };

export type FindingRow = { key: string, code: string, severity: Severity, area: Area, title: string, subjects: Array<SubjectRef>, rationale: string, recommendation: string, status: Verdict | null, note: string, 
/**
 * The consultant wrote it; its id is the key after `manual:`.
 */
manual: boolean, };

/**
 * One theme as the studio lists it: the findings of one code and group, ranked by impact.
 */
export type ThemeRow = { key: string, title: string, severity: Severity, area: Area, 
/**
 * People affected: the summed headcount of the roles involved.
 */
people: number, 
/**
 * How many findings it holds.
 */
findings: number, 
/**
 * Its most telling examples, by name.
 */
examples: Array<string>, recommendation: string, };

/**
 * One area: its score (0-100, absent when there is nothing to score), its parts and its open findings.
 */
export type AreaScore = { area: Area, title: string, score: number | null, structural: number | null, perceived: number | null, 
/**
 * How many people answered the area's statements (the perceived score counts from five).
 */
respondents: number, open_findings: number, };

/**
 * How many findings carry a code, for the code filter.
 */
export type CodeCount = { code: string, count: number, };

export type FindingsView = { 
/**
 * The top themes of the open findings, most impact first (at most `THEME_ROWS`).
 */
themes: Array<ThemeRow>, 
/**
 * How many themes there are in all.
 */
theme_total: number, rows: Array<FindingRow>, 
/**
 * How many findings match the query (rows holds at most the limit).
 */
matching: number, 
/**
 * How many findings there are in all.
 */
total: number, codes: Array<CodeCount>, areas: Array<AreaScore>, maturity_level: number, maturity_label: string, 
/**
 * What the scores rest on: the areas the model scores, those people's answers score and
 * from how many, and whether the lack of climate answers holds maturity down.
 */
evidence: string, summary: string, };

/**
 * How to write the blueprint: a layout name, a PNG logo file, the date printed on it
 * (`YYYY-MM-DD`), and whether to leave the list of every finding out of the appendix. The
 * studio and `trellis blueprint` both send this; an empty layout or logo is none.
 */
export type BlueprintRequest = { layout: string | null, logo: string | null, date: string, 
/**
 * Leave the appendix's list of every finding out (the themes stay).
 */
no_finding_list: boolean, };

/**
 * A file the studio wrote.
 */
export type Exported = { path: string, bytes: number, };

export type ResponseSummary = { anonymity_threshold: number, 
/**
 * People whose answers count, in any area.
 */
respondents: number, areas: Array<AreaResult>, questions: Array<QuestionResult>, };

/**
 * The answers in one area.
 */
export type AreaResult = { area: Area, distribution: [number, number, number, number, number], dont_know: number, responses: number, respondents: number, mean: number | null, groups: Array<GroupResult>, 
/**
 * Groups left out because fewer than the anonymity threshold answered.
 */
hidden_groups: number, 
/**
 * By respondent type, for the types at or above the anonymity threshold.
 */
types: Array<TypeResult>, };

/**
 * An area's answers from one group, shown only when the group is large enough to stay anonymous.
 */
export type GroupResult = { group: string, respondents: number, mean: number | null, };

/**
 * An area's answers from one respondent type (learners, managers, ...), shown only when enough
 * of that type answered to stay anonymous.
 */
export type TypeResult = { respondent_type: RespondentType, respondents: number, mean: number | null, };

/**
 * The answers to one question.
 */
export type QuestionResult = { bank: string, question: string, area: Area, text: string, 
/**
 * A discussion prompt: notes only, no scores.
 */
prompt: boolean, 
/**
 * How many answered 1, 2, 3, 4, 5.
 */
distribution: [number, number, number, number, number], dont_know: number, mean: number | null, notes: Array<string>, };

/**
 * A participant's answers deleted at their request: how many, and the history after it (the
 * deletion is kept out of undo: withdrawn answers do not come back).
 */
export type Withdrawn = { answers: number, history: History, };

/**
 * A running session as the studio's live view draws it: how to join (the facilitator secret,
 * skipped when serialized, stays with the studio's process) and the live distribution. The web
 * view steers the session through commands, not over HTTP.
 */
export type LiveSession = { live: LiveView, 
/**
 * The URL in the QR code: the page, with the join code after `#` (never sent to the server).
 */
join_url: string, 
/**
 * The same page on the machine's other addresses.
 */
other_urls: Array<string>, join_code: string, 
/**
 * The QR code of `join_url`, an SVG document (shown as an image, never as markup).
 */
qr_svg: string, 
/**
 * The address actually bound (the port is chosen when asked for port 0).
 */
listen: string, bank: string, 
/**
 * True when the file held a live session that this one continues.
 */
resumed: boolean, };

/**
 * A facilitator's action from the studio.
 */
export type LiveAction = { "action": "next" } | { "action": "open", question: string, } | { "action": "close" } | { "action": "end" } | { "action": "remove-participant", respondent: string, };

/**
 * `GET /api/facilitator/live`: the session at a glance.
 */
export type LiveView = { session: string, bank: string, title: string, ended: boolean, participants: number, anonymity_threshold: number, current: string | null, questions: Array<LiveQuestion>, };

/**
 * One question's live distribution for the facilitator.
 */
export type LiveQuestion = { id: string, number: number, area: Area, text: string, 
/**
 * `waiting` (never opened), `open` or `closed`.
 */
state: "waiting" | "open" | "closed", answers: number, 
/**
 * How many answered 1, 2, 3, 4, 5.
 */
distribution: [number, number, number, number, number], dont_know: number, mean: number | null, groups: Array<LiveGroup>, 
/**
 * Groups left out because fewer than the anonymity threshold answered.
 */
hidden_groups: number, 
/**
 * Notes as typed: whoever shows them shows them as text.
 */
notes: Array<string>, };

/**
 * The answers that count to one question.
 */
export type Tally = { answers: number, 
/**
 * How many answered 1, 2, 3, 4, 5.
 */
distribution: [number, number, number, number, number], dont_know: number, mean: number | null, groups: Array<LiveGroup>, 
/**
 * Groups left out because fewer than the anonymity threshold answered.
 */
hidden_groups: number, 
/**
 * Notes as typed: whoever shows them shows them as text.
 */
notes: Array<string>, };

/**
 * A group's mean on one question, shown only at or above the anonymity threshold.
 */
export type LiveGroup = { group: string, respondents: number, mean: number | null, };

/** The words of the answer scale, 1 to 5 (`trellis::model::SCALE`). */
export const ANSWER_SCALE = ["not at all","a little","partly","mostly","fully"];

/** The answer beside the scale (`trellis::model::DONT_KNOW`). */
export const DONT_KNOW = "don't know";
