// The data the shell sends over IPC: mirrors trellis::api::{Info, ApiError} (serde field names).

export interface Scale {
  min: number;
  max: number;
  labels: string[];
}

export interface Mix {
  experiential: number;
  social: number;
  formal: number;
}

export interface Engagement {
  name: string;
  client: string;
  consultant: string;
  created: string;
  scale: Scale;
  target_mix: Mix;
}

/** How many of each thing an engagement holds (flattened into `Info`). */
export interface Counts {
  roles: number;
  competencies: number;
  channels: number;
  requires: number;
  develops: number;
  reaches: number;
  follows: number;
  prerequisites: number;
  responses: number;
}

export interface Info extends Counts {
  path: string;
  file_version: number;
  engagement: Engagement;
}

/** An error as the UI sees it: switch on `code`, show `message`. */
export interface ApiError {
  code: string;
  message: string;
}
