-- Schema 2: answers to the diagnostic question bank, one row per submission.
CREATE TABLE response (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    bank TEXT NOT NULL,
    question TEXT NOT NULL,
    respondent TEXT NOT NULL,
    grp TEXT,
    score INTEGER CHECK (score BETWEEN 1 AND 5),
    note TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL
);
CREATE INDEX response_by_question ON response(bank, question);
