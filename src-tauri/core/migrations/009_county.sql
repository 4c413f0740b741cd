-- Schema 9: county mode. Packages imported from townships, each township kept apart by the id
-- its office writes into every package; its records as they came (JSON), replaced as a whole
-- when a newer package from the same township is imported.

CREATE TABLE county_packages (
    township_id     TEXT PRIMARY KEY,
    township        TEXT NOT NULL,
    exported_at     TEXT NOT NULL,
    period_from     TEXT NOT NULL,
    period_to       TEXT NOT NULL,
    manifest_sha256 TEXT NOT NULL,
    imported_at     TEXT NOT NULL,
    imported_by     TEXT NOT NULL
) STRICT;

CREATE TABLE county_records (
    township_id TEXT NOT NULL REFERENCES county_packages (township_id),
    book        TEXT NOT NULL,
    record_id   INTEGER NOT NULL,
    data        TEXT NOT NULL,
    PRIMARY KEY (township_id, book, record_id)
) STRICT;
