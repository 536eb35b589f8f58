-- Schema 4: the live workshop session, so that a restarted server resumes it.
-- One session at a time (the row with id 1); its answers are ordinary `response` rows.
CREATE TABLE workshop (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    session TEXT NOT NULL,                 -- random id: phones keep their token under it
    bank TEXT NOT NULL,
    join_code_hash TEXT NOT NULL,          -- salt$sha256(salt || code), hex
    facilitator_hash TEXT NOT NULL,        -- salt$sha256(salt || secret), hex
    current TEXT,                          -- the question on the participants' screens
    started TEXT NOT NULL,                 -- RFC 3339
    ended TEXT                             -- RFC 3339 once the facilitator closed the session
);

CREATE TABLE workshop_question (
    question TEXT PRIMARY KEY NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('open', 'closed'))
);

-- Anonymous participants: `respondent` is derived from a hash of their random token, never the token.
CREATE TABLE workshop_participant (
    respondent TEXT PRIMARY KEY NOT NULL,
    grp TEXT,
    joined TEXT NOT NULL
);
