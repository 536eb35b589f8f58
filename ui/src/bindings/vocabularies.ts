// Generated from the `vocabulary!` declarations by src-tauri/tests/bindings.rs. Do not edit:
// change the declaration, then run `UPDATE_BINDINGS=1 cargo test -p trellis-studio --test bindings`.

import type { Area, Bucket, ChannelKind, CostBasis, Criticality, RespondentType, Severity, Stage, Verdict } from "./trellis";

/**
 * What sort of learning a channel offers.
 */
export const CHANNEL_KINDS: readonly ChannelKind[] = ["formal", "experiential", "coaching", "knowledge", "social", "platform"];

export const CHANNEL_KIND_LABELS: Readonly<Record<ChannelKind, string>> = {
  "formal": "Formal training",
  "experiential": "Experience on the job",
  "coaching": "Coaching and feedback",
  "knowledge": "Knowledge at the point of need",
  "social": "Social and collaborative",
  "platform": "Learning platform",
};

/**
 * Where in the learning journey a channel helps: introduce, practise, get feedback, find support.
 */
export const STAGES: readonly Stage[] = ["introduce", "practice", "feedback", "support"];

export const STAGE_LABELS: Readonly<Record<Stage, string>> = {
  "introduce": "Introduce",
  "practice": "Practice",
  "feedback": "Feedback",
  "support": "Support",
};

/**
 * How much it matters that a role masters a competency.
 */
export const CRITICALITIES: readonly Criticality[] = ["low", "medium", "high"];

export const CRITICALITY_LABELS: Readonly<Record<Criticality, string>> = {
  "low": "Low",
  "medium": "Medium",
  "high": "High",
};

/**
 * The three buckets of the 70-20-10 learning mix.
 */
export const BUCKETS: readonly Bucket[] = ["experiential", "social", "formal"];

export const BUCKET_LABELS: Readonly<Record<Bucket, string>> = {
  "experiential": "Experiential",
  "social": "Social",
  "formal": "Formal",
};

/**
 * How urgent a finding is, most urgent first.
 */
export const SEVERITIES: readonly Severity[] = ["critical", "high", "medium", "low"];

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  "critical": "Critical",
  "high": "High",
  "medium": "Medium",
  "low": "Low",
};

/**
 * The six areas a learning ecosystem is diagnosed and scored in; the label is the heading a
 * client reads.
 */
export const AREAS: readonly Area[] = ["beyond-training", "experiential", "coaching", "knowledge-access", "transfer-climate", "measurement"];

export const AREA_LABELS: Readonly<Record<Area, string>> = {
  "beyond-training": "Learning beyond training",
  "experiential": "Experiential learning",
  "coaching": "Coaching and feedback",
  "knowledge-access": "Knowledge at the point of need",
  "transfer-climate": "Transfer climate",
  "measurement": "Measurement of impact",
};

/**
 * What the consultant decided about a finding.
 */
export const VERDICTS: readonly Verdict[] = ["accepted", "dismissed"];

export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = {
  "accepted": "Accepted",
  "dismissed": "Dismissed",
};

/**
 * What a channel's cost is counted per: each learner, each cohort run, or each year.
 */
export const COST_BASES: readonly CostBasis[] = ["per-person", "per-cohort", "per-year"];

export const COST_BASIS_LABELS: Readonly<Record<CostBasis, string>> = {
  "per-person": "Per person",
  "per-cohort": "Per cohort",
  "per-year": "Per year",
};

/**
 * What part a respondent plays in learning at the client: the person learning, their
 * manager, the learning and development team, or a senior leader. Absent means unknown.
 */
export const RESPONDENT_TYPES: readonly RespondentType[] = ["learner", "manager", "ld", "leader"];

export const RESPONDENT_TYPE_LABELS: Readonly<Record<RespondentType, string>> = {
  "learner": "Learner",
  "manager": "Manager",
  "ld": "Learning and development",
  "leader": "Senior leader",
};
