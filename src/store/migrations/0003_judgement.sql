-- Schema 3: the consultant's judgement (verdicts on findings, manual findings, summary), custom question banks, settings.
CREATE TABLE disposition (
    key TEXT PRIMARY KEY NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('accepted', 'dismissed')),
    note TEXT NOT NULL DEFAULT ''
);

CREATE TABLE manual_finding (
    id TEXT PRIMARY KEY NOT NULL,
    title TEXT NOT NULL,
    severity TEXT NOT NULL CHECK (severity IN ('critical', 'high', 'medium', 'low')),
    pillar TEXT NOT NULL,
    subjects TEXT NOT NULL DEFAULT '{}',   -- JSON object: role, competency, channel, cycle
    rationale TEXT NOT NULL DEFAULT '',
    recommendation TEXT NOT NULL DEFAULT ''
);

CREATE TABLE bank (
    id TEXT PRIMARY KEY NOT NULL,
    document TEXT NOT NULL                 -- JSON: the whole bank with its questions
);

CREATE TABLE setting (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);
