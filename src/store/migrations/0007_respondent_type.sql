-- Schema 7: an answer, and a live workshop's participant, may say what part the respondent
-- plays (learner, manager, ld, leader); absent means unknown. Old answers stay unknown.
ALTER TABLE response ADD COLUMN respondent_type TEXT
    CHECK (respondent_type IN ('learner', 'manager', 'ld', 'leader'));
ALTER TABLE workshop_participant ADD COLUMN respondent_type TEXT
    CHECK (respondent_type IN ('learner', 'manager', 'ld', 'leader'));
