-- Schema 5: index competency.parent. The deferred foreign key on it is checked at commit by
-- looking up children of each inserted or deleted competency; without this index every check
-- scans the whole table, which made saving a 14,000-competency framework quadratic (11 s of 13).
CREATE INDEX competency_by_parent ON competency(parent);
