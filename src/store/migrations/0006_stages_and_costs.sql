-- Schema 6: a develops link carries a set of stages; channels gain cohorts per year, a cost
-- basis and learner hours, and may be evaluated at level 5 (Phillips ROI); the engagement
-- gains a currency. SQLite cannot alter a CHECK or a primary key, so `develops` and `channel`
-- are rebuilt (foreign keys are off while a file is migrated, as SQLite's procedure for
-- rebuilding a table asks, and checked before the migration commits).
ALTER TABLE engagement ADD COLUMN currency TEXT;

CREATE TABLE develops_new (
    channel TEXT NOT NULL REFERENCES channel(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    competency TEXT NOT NULL REFERENCES competency(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    stages TEXT NOT NULL CHECK (json_valid(stages) AND json_array_length(stages) > 0),  -- JSON array of stage names
    PRIMARY KEY (channel, competency)
) WITHOUT ROWID;
INSERT INTO develops_new (channel, competency, stages)
    SELECT channel, competency, json_array(stage) FROM develops;
DROP TABLE develops;
ALTER TABLE develops_new RENAME TO develops;
CREATE INDEX develops_by_competency ON develops(competency);

CREATE TABLE channel_new (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('formal', 'experiential', 'coaching', 'knowledge', 'social', 'platform')),
    description TEXT NOT NULL DEFAULT '',
    capacity INTEGER CHECK (capacity >= 0),
    cohorts_per_year INTEGER CHECK (cohorts_per_year > 0),
    cost REAL CHECK (cost >= 0),
    cost_basis TEXT CHECK (cost_basis IN ('per-person', 'per-cohort', 'per-year')),
    hours REAL CHECK (hours >= 0),
    evaluation_level INTEGER NOT NULL CHECK (evaluation_level BETWEEN 0 AND 5)
);
INSERT INTO channel_new (id, name, kind, description, capacity, cost, evaluation_level)
    SELECT id, name, kind, description, capacity, cost, evaluation_level FROM channel;
DROP TABLE channel;
ALTER TABLE channel_new RENAME TO channel;
