-- Trellis engagement file, schema 1: the ecosystem model.
CREATE TABLE engagement (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,
    client TEXT NOT NULL,
    consultant TEXT NOT NULL,
    created TEXT NOT NULL,
    scale_min INTEGER NOT NULL,
    scale_max INTEGER NOT NULL,
    scale_labels TEXT NOT NULL,          -- JSON array of strings
    mix_experiential INTEGER NOT NULL,
    mix_social INTEGER NOT NULL,
    mix_formal INTEGER NOT NULL
);

CREATE TABLE role (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    grp TEXT NOT NULL DEFAULT '',
    headcount INTEGER NOT NULL CHECK (headcount >= 0),
    refs TEXT NOT NULL DEFAULT '[]'      -- JSON array of strings
);

CREATE TABLE competency (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL DEFAULT '',
    parent TEXT REFERENCES competency(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
    refs TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE channel (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('formal', 'experiential', 'coaching', 'knowledge', 'social', 'platform')),
    description TEXT NOT NULL DEFAULT '',
    capacity INTEGER CHECK (capacity >= 0),
    cost REAL CHECK (cost >= 0),
    evaluation_level INTEGER NOT NULL CHECK (evaluation_level BETWEEN 0 AND 4)
);

CREATE TABLE requires (
    role TEXT NOT NULL REFERENCES role(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    competency TEXT NOT NULL REFERENCES competency(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    target_level INTEGER NOT NULL,
    current_level INTEGER,
    criticality TEXT NOT NULL CHECK (criticality IN ('low', 'medium', 'high')),
    PRIMARY KEY (role, competency)
) WITHOUT ROWID;
CREATE INDEX requires_by_competency ON requires(competency);

CREATE TABLE develops (
    channel TEXT NOT NULL REFERENCES channel(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    competency TEXT NOT NULL REFERENCES competency(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    stage TEXT NOT NULL CHECK (stage IN ('introduce', 'practice', 'feedback', 'support')),
    PRIMARY KEY (channel, competency)
) WITHOUT ROWID;
CREATE INDEX develops_by_competency ON develops(competency);

CREATE TABLE reaches (
    channel TEXT NOT NULL REFERENCES channel(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    role TEXT NOT NULL REFERENCES role(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (channel, role)
) WITHOUT ROWID;
CREATE INDEX reaches_by_role ON reaches(role);

CREATE TABLE follows (
    from_channel TEXT NOT NULL REFERENCES channel(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    to_channel TEXT NOT NULL REFERENCES channel(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (from_channel, to_channel)
) WITHOUT ROWID;
CREATE INDEX follows_by_to ON follows(to_channel);

CREATE TABLE prerequisite (
    competency TEXT NOT NULL REFERENCES competency(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    requires TEXT NOT NULL REFERENCES competency(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (competency, requires)
) WITHOUT ROWID;
CREATE INDEX prerequisite_by_requires ON prerequisite(requires);
