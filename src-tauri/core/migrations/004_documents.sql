-- Schema 4: the document register (各级文件登记簿): documents received and sent, and their
-- circulation (传阅). Register numbers run per direction and year and are never reused.

CREATE TABLE documents (
    id               INTEGER PRIMARY KEY,
    direction        TEXT NOT NULL CHECK (direction IN ('received', 'sent')),
    year             INTEGER NOT NULL,
    seq              INTEGER NOT NULL CHECK (seq > 0),
    number           TEXT NOT NULL UNIQUE,
    date             TEXT NOT NULL,
    issuer           TEXT NOT NULL DEFAULT '',
    issuer_level     TEXT,
    -- 文号 normalised to 〔〕 ("" when the document has none), and its key for search and duplicates
    doc_number       TEXT NOT NULL DEFAULT '',
    doc_key          TEXT NOT NULL DEFAULT '',
    title            TEXT NOT NULL CHECK (title <> ''),
    classification   TEXT NOT NULL,
    urgency          TEXT NOT NULL,
    copies           INTEGER NOT NULL DEFAULT 1 CHECK (copies >= 0),
    attachments      TEXT NOT NULL DEFAULT '',
    instruction      TEXT NOT NULL DEFAULT '',
    handler          TEXT NOT NULL DEFAULT '',
    signed_by        TEXT NOT NULL DEFAULT '',
    sent_to          TEXT NOT NULL DEFAULT '',
    reply_doc_number TEXT NOT NULL DEFAULT '',
    notes            TEXT NOT NULL DEFAULT '',
    archived_on      TEXT,
    volume           TEXT NOT NULL DEFAULT '',
    voided_at        TEXT,
    void_reason      TEXT,
    CHECK ((voided_at IS NULL) = (void_reason IS NULL)),
    CHECK ((archived_on IS NULL) = (volume = '')),
    UNIQUE (direction, year, seq)
) STRICT;
CREATE INDEX documents_by_date ON documents (direction, date);
-- The same issuer's same 文号 is one document: registered once (voided entries aside).
CREATE UNIQUE INDEX documents_once ON documents (direction, issuer, doc_key)
    WHERE doc_key <> '' AND voided_at IS NULL;

CREATE TABLE document_reads (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id),
    reader      TEXT NOT NULL CHECK (reader <> ''),
    read_on     TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    actor       TEXT NOT NULL,
    at          TEXT NOT NULL,
    voided_at   TEXT,
    void_reason TEXT,
    CHECK ((voided_at IS NULL) = (void_reason IS NULL))
) STRICT;
CREATE INDEX document_reads_by_document ON document_reads (document_id);

CREATE TRIGGER documents_never_deleted BEFORE DELETE ON documents
BEGIN SELECT RAISE(ABORT, 'ledger rows are never deleted; void them instead'); END;
CREATE TRIGGER document_reads_never_deleted BEFORE DELETE ON document_reads
BEGIN SELECT RAISE(ABORT, 'circulation records are never deleted; void them instead'); END;
