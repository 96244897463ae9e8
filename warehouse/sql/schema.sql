-- peristiwa warehouse contract: tables users query with SQL.
-- Every table lives twice: `main.<table>` holds published data that passed its checks;
-- `staging.<table>` holds the last batch a stage rejected (emptied after each successful publish).
-- Column comments are the documentation: warehouse/README.md is generated from them.

CREATE TABLE IF NOT EXISTS articles_raw (
    article_id          VARCHAR PRIMARY KEY,
    source_path         VARCHAR NOT NULL,
    line_no             INTEGER,
    file_sha256         VARCHAR NOT NULL,
    source_id           VARCHAR,
    url                 VARCHAR,
    source              VARCHAR,
    published           VARCHAR,
    title               VARCHAR,
    section             VARCHAR,
    text                VARCHAR NOT NULL,
    metadata_json       VARCHAR NOT NULL,
    encoding            VARCHAR NOT NULL,
    encoding_converted  BOOLEAN NOT NULL,
    byte_size           INTEGER NOT NULL,
    language            VARCHAR NOT NULL,
    language_score      DOUBLE NOT NULL,
    version             INTEGER NOT NULL,
    supersedes          VARCHAR,
    run_id              VARCHAR NOT NULL,
    ingested_at         TIMESTAMP NOT NULL,
    file_mtime          TIMESTAMP
);
-- Columns added after the first release: warehouses created before them gain them here.
ALTER TABLE articles_raw ADD COLUMN IF NOT EXISTS file_mtime TIMESTAMP;
COMMENT ON TABLE articles_raw IS 'One row per distinct article content ingested from the inbox (identity = content hash).';
COMMENT ON COLUMN articles_raw.article_id IS 'Content hash of the article: first 32 hex chars of sha256 over the NFC-normalised, stripped text. Same text = same id.';
COMMENT ON COLUMN articles_raw.source_path IS 'Path of the input file relative to the inbox root (POSIX separators).';
COMMENT ON COLUMN articles_raw.line_no IS '1-based line number inside a .jsonl file; NULL for a .txt file.';
COMMENT ON COLUMN articles_raw.file_sha256 IS 'sha256 of the whole input file at ingest time.';
COMMENT ON COLUMN articles_raw.source_id IS 'The "id" field of a JSONL record, if any.';
COMMENT ON COLUMN articles_raw.url IS 'The "url" field of a JSONL record, if any.';
COMMENT ON COLUMN articles_raw.source IS 'The "source" field of a JSONL record (site or publisher), if any.';
COMMENT ON COLUMN articles_raw.published IS 'The "published" field of a JSONL record exactly as given (unparsed); see articles_clean.published_date for the parsed date.';
COMMENT ON COLUMN articles_raw.title IS 'The "title" field of a JSONL record, if any.';
COMMENT ON COLUMN articles_raw.section IS 'The "section" field of a JSONL record, if any.';
COMMENT ON COLUMN articles_raw.text IS 'Article text exactly as decoded from the input (not cleaned).';
COMMENT ON COLUMN articles_raw.metadata_json IS 'JSON object with any JSONL fields beyond id, url, source, published, title, section, text ("{}" if none).';
COMMENT ON COLUMN articles_raw.encoding IS 'Encoding the input was decoded from (utf-8, utf-8-sig, utf-16, cp1252, ...).';
COMMENT ON COLUMN articles_raw.encoding_converted IS 'TRUE when the input was not plain UTF-8 and was converted.';
COMMENT ON COLUMN articles_raw.byte_size IS 'Size in bytes of the input item (the .txt file or the JSONL line).';
COMMENT ON COLUMN articles_raw.language IS 'Language detected by the offline language-ID model (only Indonesian is ingested).';
COMMENT ON COLUMN articles_raw.language_score IS 'Language-ID confidence for the detected language, in [0, 1].';
COMMENT ON COLUMN articles_raw.version IS '1 for the first content seen at (source_path, line_no); incremented each time the file at that place changes.';
COMMENT ON COLUMN articles_raw.supersedes IS 'article_id of the previous version at the same (source_path, line_no), or NULL.';
COMMENT ON COLUMN articles_raw.run_id IS 'Dagster run that ingested the article.';
COMMENT ON COLUMN articles_raw.ingested_at IS 'UTC time of ingestion.';
COMMENT ON COLUMN articles_raw.file_mtime IS 'Modification time (UTC) of the input file when it was ingested; a publication-date basis only when cleaning.date_from_file_mtime is on.';

CREATE TABLE IF NOT EXISTS ingest_log (
    run_id       VARCHAR NOT NULL,
    source_path  VARCHAR NOT NULL,
    line_no      INTEGER,
    file_sha256  VARCHAR NOT NULL,
    outcome      VARCHAR NOT NULL,
    article_id   VARCHAR,
    reason       VARCHAR,
    logged_at    TIMESTAMP NOT NULL
);
COMMENT ON TABLE ingest_log IS 'Accounting of every input item (a .txt file, a JSONL line, or any other file): exactly one row per item per file version.';
COMMENT ON COLUMN ingest_log.run_id IS 'Dagster run that processed the item.';
COMMENT ON COLUMN ingest_log.source_path IS 'Path of the input file relative to the inbox root.';
COMMENT ON COLUMN ingest_log.line_no IS '1-based JSONL line; NULL for whole-file items.';
COMMENT ON COLUMN ingest_log.file_sha256 IS 'sha256 of the input file the item came from.';
COMMENT ON COLUMN ingest_log.outcome IS 'ingested | duplicate | quarantined.';
COMMENT ON COLUMN ingest_log.article_id IS 'ingested: the new article id; duplicate: the id of the article it duplicates; quarantined: NULL.';
COMMENT ON COLUMN ingest_log.reason IS 'Quarantine reason code (see quarantine.reason); NULL otherwise.';
COMMENT ON COLUMN ingest_log.logged_at IS 'UTC time the outcome was recorded.';

CREATE TABLE IF NOT EXISTS quarantine (
    source_path    VARCHAR NOT NULL,
    line_no        INTEGER,
    file_sha256    VARCHAR NOT NULL,
    reason         VARCHAR NOT NULL,
    message        VARCHAR NOT NULL,
    excerpt        VARCHAR,
    run_id         VARCHAR NOT NULL,
    quarantined_at TIMESTAMP NOT NULL,
    stage          VARCHAR,
    article_id     VARCHAR
);
-- Columns added after the first release: warehouses created before them gain them here.
ALTER TABLE quarantine ADD COLUMN IF NOT EXISTS stage VARCHAR;
ALTER TABLE quarantine ADD COLUMN IF NOT EXISTS article_id VARCHAR;
COMMENT ON TABLE quarantine IS 'Input items that were not ingested (stage ingest), articles set aside by cleaning (stage clean), and articles that actor resolution or event coding failed on (stage entities / events, reason processing_error: the rest of the batch went on, and the article is tried again on every run), with a machine-readable reason and a human message. Always published, also when a blocking check holds the rest of the batch back.';
COMMENT ON COLUMN quarantine.source_path IS 'Path of the input file relative to the inbox root.';
COMMENT ON COLUMN quarantine.line_no IS '1-based JSONL line; NULL for whole-file items.';
COMMENT ON COLUMN quarantine.file_sha256 IS 'sha256 of the input file.';
COMMENT ON COLUMN quarantine.reason IS 'Reason code: empty, binary, undecodable, too_large, malformed_json, missing_text, too_short, not_indonesian, html, unsupported_type, outside_inbox, ... (ingest); cleaned_too_short, cleaned_too_long (clean); processing_error (entities, events)';
COMMENT ON COLUMN quarantine.message IS 'Human-readable explanation of what is wrong and where.';
COMMENT ON COLUMN quarantine.excerpt IS 'First characters of the offending content (printable), when there is any.';
COMMENT ON COLUMN quarantine.run_id IS 'Dagster run that quarantined the item.';
COMMENT ON COLUMN quarantine.quarantined_at IS 'UTC time the item was quarantined.';
COMMENT ON COLUMN quarantine.stage IS 'ingest: the input item was never ingested; clean: the ingested article (article_id) was set aside by cleaning and is not in articles_clean; entities / events: actor resolution or event coding raised on the article (it has no rows of that stage until a run succeeds). NULL in rows written before this column existed (ingest).';
COMMENT ON COLUMN quarantine.article_id IS 'The article set aside (stage clean); NULL for stage ingest.';

CREATE TABLE IF NOT EXISTS inbox_files (
    source_path  VARCHAR NOT NULL,
    file_sha256  VARCHAR NOT NULL,
    n_items      INTEGER NOT NULL,
    run_id       VARCHAR NOT NULL,
    processed_at TIMESTAMP NOT NULL,
    PRIMARY KEY (source_path, file_sha256)
);
COMMENT ON TABLE inbox_files IS 'Input file versions that were fully processed; an unchanged file is skipped on later runs.';
COMMENT ON COLUMN inbox_files.source_path IS 'Path of the input file relative to the inbox root.';
COMMENT ON COLUMN inbox_files.file_sha256 IS 'sha256 of the file version that was processed.';
COMMENT ON COLUMN inbox_files.n_items IS 'Number of items (1 for a .txt file, lines for a .jsonl file) accounted for in ingest_log.';
COMMENT ON COLUMN inbox_files.run_id IS 'Dagster run that processed this file version.';
COMMENT ON COLUMN inbox_files.processed_at IS 'UTC time the file version was processed.';

CREATE TABLE IF NOT EXISTS articles_clean (
    article_id            VARCHAR PRIMARY KEY,
    source_path           VARCHAR NOT NULL,
    title                 VARCHAR,
    title_basis           VARCHAR NOT NULL,
    publisher             VARCHAR,
    publisher_basis       VARCHAR NOT NULL,
    dateline_place        VARCHAR,
    published_date        DATE,
    published_date_basis  VARCHAR NOT NULL,
    published_date_text   VARCHAR,
    text                  VARCHAR NOT NULL,
    n_chars               INTEGER NOT NULL,
    spans_json            VARCHAR NOT NULL,
    rules_version         VARCHAR NOT NULL,
    run_id                VARCHAR NOT NULL,
    cleaned_at            TIMESTAMP NOT NULL
);
COMMENT ON TABLE articles_clean IS 'One row per ingested article after boilerplate removal, Unicode normalisation and metadata extraction.';
COMMENT ON COLUMN articles_clean.article_id IS 'Same id as articles_raw.article_id.';
COMMENT ON COLUMN articles_clean.source_path IS 'Path of the input file relative to the inbox root.';
COMMENT ON COLUMN articles_clean.title IS 'Headline, from metadata or the first line of the text (see title_basis).';
COMMENT ON COLUMN articles_clean.title_basis IS 'Where the title came from: metadata | first_line | none.';
COMMENT ON COLUMN articles_clean.publisher IS 'Publisher or site name (e.g. Republika, IDN Times).';
COMMENT ON COLUMN articles_clean.publisher_basis IS 'Where the publisher came from: metadata | dateline | url | text | none.';
COMMENT ON COLUMN articles_clean.dateline_place IS 'Place named in the dateline (e.g. Jakarta, Moskow), if any.';
COMMENT ON COLUMN articles_clean.published_date IS 'Publication date, from metadata or the text (see published_date_basis); NULL when nothing states it.';
COMMENT ON COLUMN articles_clean.published_date_basis IS 'How published_date was found: metadata (JSONL published) | text_timestamp | text_weekday_date (a date in the text) | file_mtime (opt-in) | none (undated: a normal article, processed like any other).';
COMMENT ON COLUMN articles_clean.published_date_text IS 'The exact text the publication date was read from.';
COMMENT ON COLUMN articles_clean.text IS 'Cleaned body text (headline excluded), paragraphs separated by newlines.';
COMMENT ON COLUMN articles_clean.n_chars IS 'Length of the cleaned text in characters.';
COMMENT ON COLUMN articles_clean.spans_json IS 'JSON list of {kind, start, end} character spans of the cleaned text that are not body prose (captions, sub-headings).';
COMMENT ON COLUMN articles_clean.rules_version IS 'Version of the cleaning rules (peristiwa/cleaning/rules.yaml) that produced this row; a new version re-cleans every article.';
COMMENT ON COLUMN articles_clean.run_id IS 'Dagster run that cleaned the article.';
COMMENT ON COLUMN articles_clean.cleaned_at IS 'UTC time of cleaning.';

CREATE TABLE IF NOT EXISTS cleaning_audit (
    article_id     VARCHAR NOT NULL,
    rule_id        VARCHAR NOT NULL,
    reason         VARCHAR NOT NULL,
    text           VARCHAR,
    line_no        INTEGER,
    rules_version  VARCHAR NOT NULL,
    run_id         VARCHAR NOT NULL
);
COMMENT ON TABLE cleaning_audit IS 'What the cleaner removed or changed in each article, and which rule did it.';
COMMENT ON COLUMN cleaning_audit.article_id IS 'Article the change applies to.';
COMMENT ON COLUMN cleaning_audit.rule_id IS 'Id of the rule in peristiwa/cleaning/rules.yaml.';
COMMENT ON COLUMN cleaning_audit.reason IS 'Category of the change: dateline, byline, read_also, site_chrome, tags, initials, duplicate_caption, headline, unicode, glue_repair, ...';
COMMENT ON COLUMN cleaning_audit.text IS 'The removed or changed text (truncated to 300 characters).';
COMMENT ON COLUMN cleaning_audit.line_no IS '1-based line of the raw text where it was found, when known.';
COMMENT ON COLUMN cleaning_audit.rules_version IS 'Cleaning rules version.';
COMMENT ON COLUMN cleaning_audit.run_id IS 'Dagster run that cleaned the article.';

CREATE TABLE IF NOT EXISTS dq_results (
    run_id           VARCHAR NOT NULL,
    asset            VARCHAR NOT NULL,
    check_name       VARCHAR NOT NULL,
    expectation      VARCHAR NOT NULL,
    column_name      VARCHAR,
    passed           BOOLEAN NOT NULL,
    observed         VARCHAR,
    unexpected_count BIGINT,
    sample           VARCHAR,
    batch_rows       BIGINT NOT NULL,
    evaluated_at     TIMESTAMP NOT NULL,
    items            VARCHAR,
    override         VARCHAR
);
-- Columns added after the first release: warehouses created before them gain them here.
ALTER TABLE dq_results ADD COLUMN IF NOT EXISTS items VARCHAR;
ALTER TABLE dq_results ADD COLUMN IF NOT EXISTS override VARCHAR;
COMMENT ON TABLE dq_results IS 'Every Great Expectations expectation evaluated by a blocking check, per run (written whether it passed or failed).';
COMMENT ON COLUMN dq_results.run_id IS 'Dagster run in which the check ran.';
COMMENT ON COLUMN dq_results.asset IS 'Asset the check gates (raw_articles, articles_clean, ...).';
COMMENT ON COLUMN dq_results.check_name IS 'Dagster asset check name (a GX expectation suite).';
COMMENT ON COLUMN dq_results.expectation IS 'GX expectation type, e.g. expect_column_values_to_be_unique.';
COMMENT ON COLUMN dq_results.column_name IS 'Column the expectation looks at, if any.';
COMMENT ON COLUMN dq_results.passed IS 'Whether the expectation passed.';
COMMENT ON COLUMN dq_results.observed IS 'Observed value reported by GX (JSON), e.g. a share or a row count.';
COMMENT ON COLUMN dq_results.unexpected_count IS 'Number of rows that violated the expectation, when GX reports it.';
COMMENT ON COLUMN dq_results.sample IS 'JSON list of up to 5 failing values, for a failed expectation.';
COMMENT ON COLUMN dq_results.batch_rows IS 'Rows in the batch that was validated.';
COMMENT ON COLUMN dq_results.evaluated_at IS 'UTC time of the validation.';
COMMENT ON COLUMN dq_results.items IS 'For a failed expectation about a whole batch or source: JSON list of the offending items {source_path, line_no, article_id, reason} (at most 50).';
COMMENT ON COLUMN dq_results.override IS 'NULL, or how a failed expectation was accepted on purpose (e.g. "accept_failed_checks run config"): its batch was published anyway.';

CREATE TABLE IF NOT EXISTS sentences (
    article_id      VARCHAR NOT NULL,
    sentence_index  INTEGER NOT NULL,
    start_char      INTEGER NOT NULL,
    end_char        INTEGER NOT NULL,
    text            VARCHAR NOT NULL,
    flags           VARCHAR[] NOT NULL,
    conllu          VARCHAR NOT NULL,
    run_id          VARCHAR NOT NULL,
    parsed          BOOLEAN DEFAULT true
);
COMMENT ON TABLE sentences IS 'Stanza annotation of every cleaned article, one row per sentence (the headline is sentence -1).';
COMMENT ON COLUMN sentences.article_id IS 'Article (articles_clean.article_id).';
COMMENT ON COLUMN sentences.sentence_index IS '0-based sentence number in the cleaned text; -1 is the headline (articles_clean.title).';
COMMENT ON COLUMN sentences.start_char IS 'Start offset of the sentence in articles_clean.text (in the title for sentence -1).';
COMMENT ON COLUMN sentences.end_char IS 'End offset (exclusive) of the sentence in articles_clean.text (in the title for sentence -1).';
COMMENT ON COLUMN sentences.text IS 'Sentence text, equal to the cleaned text between start_char and end_char.';
COMMENT ON COLUMN sentences.flags IS 'What the cleaner knows about the sentence: headline, caption, subheading (empty for body prose).';
COMMENT ON COLUMN sentences.conllu IS 'CoNLL-U of the sentence: words with lemma, UPOS, features, head, deprel; NER tag and character offsets in MISC.';
COMMENT ON COLUMN sentences.run_id IS 'Dagster run that annotated the article.';
COMMENT ON COLUMN sentences.parsed IS 'Whether the sentence has lemmas, UPOS and a dependency parse; false: tokens and NER only (selective parsing found no possible event in it).';

CREATE TABLE IF NOT EXISTS annotations (
    article_id   VARCHAR PRIMARY KEY,
    text_sha256  VARCHAR NOT NULL,
    models       VARCHAR NOT NULL,
    n_sentences  INTEGER NOT NULL,
    n_tokens     INTEGER NOT NULL,
    run_id       VARCHAR NOT NULL,
    annotated_at TIMESTAMP NOT NULL,
    parse_scope  VARCHAR DEFAULT 'all',
    n_parsed     INTEGER,
    selection_digest VARCHAR
);
ALTER TABLE annotations ADD COLUMN IF NOT EXISTS selection_digest VARCHAR;
COMMENT ON TABLE annotations IS 'One row per annotated article: which cleaned text and which models produced its sentences.';
COMMENT ON COLUMN annotations.article_id IS 'Article (articles_clean.article_id).';
COMMENT ON COLUMN annotations.text_sha256 IS 'sha256 of the title and cleaned text that were annotated; a re-cleaned article with new text is annotated again.';
COMMENT ON COLUMN annotations.models IS 'JSON object: Stanza model file used per processor, where it came from (configured, official, bundled) and a sha256 digest of its content; plus the tokenizer repairs version and the line-break rule. When it differs from the current configuration the article is re-annotated.';
COMMENT ON COLUMN annotations.n_sentences IS 'Number of sentences, headline included.';
COMMENT ON COLUMN annotations.n_tokens IS 'Number of syntactic words over all sentences.';
COMMENT ON COLUMN annotations.run_id IS 'Dagster run that annotated the article.';
COMMENT ON COLUMN annotations.annotated_at IS 'UTC time of annotation.';
COMMENT ON COLUMN annotations.parse_scope IS 'Which sentences were parsed: all, or selective (only those that can yield an event; every sentence has tokens and NER). A change of scope re-annotates the article.';
COMMENT ON COLUMN annotations.n_parsed IS 'Number of sentences with lemmas, UPOS and a dependency parse.';
COMMENT ON COLUMN annotations.selection_digest IS 'Selective parsing only: digest of what chose the parsed sentences (cue words and phrases of the trigger dictionary and speech acts, speaker cues, the actor knowledge''s names, the selection rules'' version). When it differs from the current one the selection is recomputed from the stored tokens: only articles with a newly selected sentence are parsed again (that sentence alone), a sentence no longer selected loses its parse, the rest only get the new digest. NULL for parse scope all and for articles annotated before it was recorded.';

CREATE TABLE IF NOT EXISTS entity_mentions (
    article_id         VARCHAR NOT NULL,
    sentence_index     INTEGER NOT NULL,
    start_char         INTEGER NOT NULL,
    end_char           INTEGER NOT NULL,
    text               VARCHAR NOT NULL,
    ner_type           VARCHAR NOT NULL,
    iso3               VARCHAR NOT NULL,
    sector             VARCHAR NOT NULL,
    actor_id           VARCHAR NOT NULL,
    actor_kind         VARCHAR NOT NULL,
    role               VARCHAR NOT NULL,
    method             VARCHAR NOT NULL,
    confidence         DOUBLE NOT NULL,
    resolved_for_date  DATE,
    run_id             VARCHAR NOT NULL
);
COMMENT ON TABLE entity_mentions IS 'Every named-entity span and dictionary match, resolved to an actor (country, sector) at the article date.';
COMMENT ON COLUMN entity_mentions.article_id IS 'Article (articles_clean.article_id).';
COMMENT ON COLUMN entity_mentions.sentence_index IS 'Sentence (sentences.sentence_index); -1 = headline.';
COMMENT ON COLUMN entity_mentions.start_char IS 'Start offset in articles_clean.text (in the title for sentence -1).';
COMMENT ON COLUMN entity_mentions.end_char IS 'End offset (exclusive) in articles_clean.text (in the title for sentence -1).';
COMMENT ON COLUMN entity_mentions.text IS 'Surface text, equal to the cleaned text between the offsets.';
COMMENT ON COLUMN entity_mentions.ner_type IS 'Stanza NER type (PER, ORG, LOC) or empty for a dictionary-only match.';
COMMENT ON COLUMN entity_mentions.iso3 IS 'ISO 3166-1 alpha-3 of the resolved country; empty for IGOs, regions and unresolved mentions.';
COMMENT ON COLUMN entity_mentions.sector IS 'CAMEO/PLOVER-style sector (GOV, MIL, JRN, REB, CVL, ELI, IGO, ...); empty when unknown.';
COMMENT ON COLUMN entity_mentions.actor_id IS 'Resolved actor: IRN, IRN_MIL, PERSON:masoud_pezeshkian, IGO:UN, REGION:WST, PLACE:ashgabat, ...';
COMMENT ON COLUMN entity_mentions.actor_kind IS 'state, state_organ, igo, person, location, region or unknown.';
COMMENT ON COLUMN entity_mentions.role IS 'actor (takes part), venue (only where something happens) or unknown.';
COMMENT ON COLUMN entity_mentions.method IS 'Resolution rule: country_name, capital_metonym, organ_pattern, igo, title_person, dated_person, coref_name, coref_both_states, ner_only, ... (peristiwa/actors/SCHEMA.md).';
COMMENT ON COLUMN entity_mentions.confidence IS 'Confidence of the resolution, in [0, 1].';
COMMENT ON COLUMN entity_mentions.resolved_for_date IS 'Article date the dated roles were resolved against (publication date), NULL when unknown.';
COMMENT ON COLUMN entity_mentions.run_id IS 'Dagster run that resolved the mention.';

CREATE TABLE IF NOT EXISTS entity_resolutions (
    article_id          VARCHAR PRIMARY KEY,
    annotation_run_id   VARCHAR NOT NULL,
    knowledge_version   VARCHAR NOT NULL,
    n_mentions          INTEGER NOT NULL,
    n_states            INTEGER NOT NULL,
    run_id              VARCHAR NOT NULL,
    resolved_at         TIMESTAMP NOT NULL
);
COMMENT ON TABLE entity_resolutions IS 'One row per article whose mentions were resolved, so articles with no mention are accounted for too.';
COMMENT ON COLUMN entity_resolutions.article_id IS 'Article (articles_clean.article_id).';
COMMENT ON COLUMN entity_resolutions.annotation_run_id IS 'Run that produced the sentences the mentions were found in; a re-annotation triggers re-resolution.';
COMMENT ON COLUMN entity_resolutions.knowledge_version IS 'Versions of the actor data files used (peristiwa/actors/data); a change re-resolves every article.';
COMMENT ON COLUMN entity_resolutions.n_mentions IS 'Number of entity mentions found.';
COMMENT ON COLUMN entity_resolutions.n_states IS 'Number of distinct countries resolved as actors.';
COMMENT ON COLUMN entity_resolutions.run_id IS 'Dagster run that resolved the article.';
COMMENT ON COLUMN entity_resolutions.resolved_at IS 'UTC time of resolution.';

CREATE TABLE IF NOT EXISTS event_mentions (
    article_id          VARCHAR NOT NULL,
    sentence_index      INTEGER NOT NULL,
    mention_id          VARCHAR NOT NULL,
    pair_id             VARCHAR,
    trigger_text        VARCHAR NOT NULL,
    trigger_start       INTEGER NOT NULL,
    trigger_end         INTEGER NOT NULL,
    source_text         VARCHAR,
    source_start        INTEGER,
    source_end          INTEGER,
    source_iso3         VARCHAR,
    source_sector       VARCHAR,
    source_actor_id     VARCHAR,
    target_text         VARCHAR,
    target_start        INTEGER,
    target_end          INTEGER,
    target_iso3         VARCHAR,
    target_sector       VARCHAR,
    target_actor_id     VARCHAR,
    cameo_code          VARCHAR NOT NULL,
    cameo_root          VARCHAR NOT NULL,
    goldstein           DOUBLE NOT NULL,
    quad_class          INTEGER NOT NULL,
    plover_category     VARCHAR,
    modality            VARCHAR NOT NULL,
    polarity            VARCHAR NOT NULL,
    confidence          DOUBLE NOT NULL,
    date_text           VARCHAR,
    event_date          DATE,
    date_min            DATE,
    date_max            DATE,
    date_precision      VARCHAR,
    date_basis          VARCHAR,
    sentence_flags      VARCHAR,
    dictionary_version  VARCHAR NOT NULL,
    rule                VARCHAR NOT NULL,
    sentence_text       VARCHAR NOT NULL,
    published_date      DATE,
    run_id              VARCHAR NOT NULL,
    source_actor_type   VARCHAR,
    target_actor_type   VARCHAR
);
COMMENT ON TABLE event_mentions IS 'One row per coded event mention: who did what to whom in one sentence (a reciprocal act gives two rows sharing pair_id).';
COMMENT ON COLUMN event_mentions.article_id IS 'Article (articles_clean.article_id).';
COMMENT ON COLUMN event_mentions.sentence_index IS 'Sentence (sentences.sentence_index); -1 = headline.';
COMMENT ON COLUMN event_mentions.mention_id IS 'Stable hash of article, sentence, trigger position, direction and code.';
COMMENT ON COLUMN event_mentions.pair_id IS 'Shared by the two directions of a reciprocal event (meetings, agreements, joint exercises); NULL otherwise.';
COMMENT ON COLUMN event_mentions.trigger_text IS 'The Indonesian trigger (verb, noun or light-verb phrase).';
COMMENT ON COLUMN event_mentions.trigger_start IS 'Start offset of the trigger in articles_clean.text (title for sentence -1).';
COMMENT ON COLUMN event_mentions.trigger_end IS 'End offset (exclusive) of the trigger.';
COMMENT ON COLUMN event_mentions.source_text IS 'Surface text of the source actor (who acts).';
COMMENT ON COLUMN event_mentions.source_start IS 'Start offset of the source actor text.';
COMMENT ON COLUMN event_mentions.source_end IS 'End offset (exclusive) of the source actor text.';
COMMENT ON COLUMN event_mentions.source_iso3 IS 'Country of the source actor (ISO 3166-1 alpha-3); empty when not a state actor.';
COMMENT ON COLUMN event_mentions.source_sector IS 'Sector of the source actor (GOV, MIL, ...); for an international organisation its code (UNO, EUR, ASN, NATO, OIC, ARL, GCC, AFU, IGO).';
COMMENT ON COLUMN event_mentions.source_actor_id IS 'Resolved source actor (entity_mentions.actor_id).';
COMMENT ON COLUMN event_mentions.target_text IS 'Surface text of the target actor (to whom).';
COMMENT ON COLUMN event_mentions.target_start IS 'Start offset of the target actor text.';
COMMENT ON COLUMN event_mentions.target_end IS 'End offset (exclusive) of the target actor text.';
COMMENT ON COLUMN event_mentions.target_iso3 IS 'Country of the target actor (ISO 3166-1 alpha-3); empty when not a state actor.';
COMMENT ON COLUMN event_mentions.target_sector IS 'Sector of the target actor; for an international organisation its code (as source_sector).';
COMMENT ON COLUMN event_mentions.target_actor_id IS 'Resolved target actor (entity_mentions.actor_id).';
COMMENT ON COLUMN event_mentions.cameo_code IS 'CAMEO event code (string with leading zeros, e.g. 042).';
COMMENT ON COLUMN event_mentions.cameo_root IS 'Two-digit CAMEO root (01..20).';
COMMENT ON COLUMN event_mentions.goldstein IS 'Goldstein weight of the code, GDELT convention (peristiwa/events/data/cameo_event_codes.csv).';
COMMENT ON COLUMN event_mentions.quad_class IS 'GDELT QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.';
COMMENT ON COLUMN event_mentions.plover_category IS 'PLOVER category of the code (dropped for CAMEO roots 01 and 02).';
COMMENT ON COLUMN event_mentions.modality IS 'asserted, historical, intent, future, hypothetical, reported, generic or negated (scoped to the trigger clause).';
COMMENT ON COLUMN event_mentions.polarity IS 'positive or negative.';
COMMENT ON COLUMN event_mentions.confidence IS 'Heuristic confidence in [0, 1]: parse-based arguments score higher than word-order fallbacks.';
COMMENT ON COLUMN event_mentions.date_text IS 'The date expression the event date came from, if any.';
COMMENT ON COLUMN event_mentions.event_date IS 'Best estimate of when the event happened.';
COMMENT ON COLUMN event_mentions.date_min IS 'Earliest date the text allows.';
COMMENT ON COLUMN event_mentions.date_max IS 'Latest date the text allows.';
COMMENT ON COLUMN event_mentions.date_precision IS 'day, month, range, approx, unknown or none.';
COMMENT ON COLUMN event_mentions.date_basis IS 'How the date was found: explicit, explicit-year-inferred, relative-narrative, relative-publication, inherited, ...';
COMMENT ON COLUMN event_mentions.sentence_flags IS 'Comma-joined sentence flags (headline, caption, subheading) or empty.';
COMMENT ON COLUMN event_mentions.dictionary_version IS 'Version that coded the mention: triggers.yaml, then +speech (speech_acts.yaml) and +rules (the coder rules).';
COMMENT ON COLUMN event_mentions.rule IS 'Trigger id (speech:<act> for a statement coded from what a reported clause says) and the coder rules that fired, in order (see `python -m peristiwa.events.rules`).';
COMMENT ON COLUMN event_mentions.sentence_text IS 'The sentence the mention was coded from.';
COMMENT ON COLUMN event_mentions.published_date IS 'Publication date of the article.';
COMMENT ON COLUMN event_mentions.run_id IS 'Dagster run that coded the mention.';
COMMENT ON COLUMN event_mentions.source_actor_type IS 'What the source is: state (a state, state organ or official), igo (international organisation: iso3 empty, code in source_sector), nationals (citizens of the state in source_iso3) or nonstate (companies, media, experts, armed groups ...). Counted events need a state source.';
COMMENT ON COLUMN event_mentions.target_actor_type IS 'What the target is (as source_actor_type). Counted events need a state target, or nationals of a state (a state acting against another state''s citizens counts for that state).';

CREATE TABLE IF NOT EXISTS event_codings (
    article_id           VARCHAR PRIMARY KEY,
    resolution_run_id    VARCHAR NOT NULL,
    dictionary_version   VARCHAR NOT NULL,
    n_mentions           INTEGER NOT NULL,
    run_id               VARCHAR NOT NULL,
    coded_at             TIMESTAMP NOT NULL
);
COMMENT ON TABLE event_codings IS 'One row per article run through the event coder, so articles without events are accounted for too.';
COMMENT ON COLUMN event_codings.article_id IS 'Article (articles_clean.article_id).';
COMMENT ON COLUMN event_codings.resolution_run_id IS 'Run that resolved the entity mentions used; a re-resolution triggers re-coding.';
COMMENT ON COLUMN event_codings.dictionary_version IS 'Dictionary, speech-act and coder-rules version used; a new version re-codes every article.';
COMMENT ON COLUMN event_codings.n_mentions IS 'Number of event mentions coded in the article.';
COMMENT ON COLUMN event_codings.run_id IS 'Dagster run that coded the article.';
COMMENT ON COLUMN event_codings.coded_at IS 'UTC time of coding.';

CREATE TABLE IF NOT EXISTS events (
    event_id               VARCHAR PRIMARY KEY,
    cameo_code             VARCHAR NOT NULL,
    cameo_root             VARCHAR NOT NULL,
    goldstein              DOUBLE NOT NULL,
    quad_class             INTEGER NOT NULL,
    plover_category        VARCHAR,
    source_iso3            VARCHAR,
    target_iso3            VARCHAR,
    source_sector          VARCHAR,
    target_sector          VARCHAR,
    source_actor_id        VARCHAR,
    target_actor_id        VARCHAR,
    pair_id                VARCHAR,
    event_date             DATE,
    date_min               DATE,
    date_max               DATE,
    date_precision         VARCHAR,
    modality               VARCHAR NOT NULL,
    polarity               VARCHAR NOT NULL,
    num_mentions           INTEGER NOT NULL,
    num_articles           INTEGER NOT NULL,
    num_sources            INTEGER NOT NULL,
    first_seen             DATE,
    last_seen              DATE,
    mention_ids            VARCHAR[] NOT NULL,
    counted_in_aggregates  BOOLEAN NOT NULL,
    dedup_method           VARCHAR NOT NULL,
    run_id                 VARCHAR NOT NULL,
    mentions_digest        VARCHAR
);
ALTER TABLE events ADD COLUMN IF NOT EXISTS mentions_digest VARCHAR;
COMMENT ON TABLE events IS 'Deduplicated real-world events: mentions of the same act (within and across articles) merged on date window, source, target and CAMEO root.';
COMMENT ON COLUMN events.event_id IS 'Stable hash of the member mention ids.';
COMMENT ON COLUMN events.cameo_code IS 'CAMEO code of the representative mention.';
COMMENT ON COLUMN events.cameo_root IS 'Two-digit CAMEO root.';
COMMENT ON COLUMN events.goldstein IS 'Goldstein weight (GDELT convention).';
COMMENT ON COLUMN events.quad_class IS 'GDELT QuadClass 1-4.';
COMMENT ON COLUMN events.plover_category IS 'PLOVER category.';
COMMENT ON COLUMN events.source_iso3 IS 'Source country (ISO3).';
COMMENT ON COLUMN events.target_iso3 IS 'Target country (ISO3).';
COMMENT ON COLUMN events.source_sector IS 'Source sector.';
COMMENT ON COLUMN events.target_sector IS 'Target sector.';
COMMENT ON COLUMN events.source_actor_id IS 'Source actor id.';
COMMENT ON COLUMN events.target_actor_id IS 'Target actor id.';
COMMENT ON COLUMN events.pair_id IS 'Links the two directions of a reciprocal event.';
COMMENT ON COLUMN events.event_date IS 'Best estimate of the event date.';
COMMENT ON COLUMN events.date_min IS 'Earliest date allowed by the mentions (narrowest interval).';
COMMENT ON COLUMN events.date_max IS 'Latest date allowed by the mentions.';
COMMENT ON COLUMN events.date_precision IS 'day, month, range, approx, unknown or none.';
COMMENT ON COLUMN events.modality IS 'Modality of the representative mention.';
COMMENT ON COLUMN events.polarity IS 'Polarity of the representative mention.';
COMMENT ON COLUMN events.num_mentions IS 'Mentions merged into the event, over all articles.';
COMMENT ON COLUMN events.num_articles IS 'Distinct articles mentioning the event.';
COMMENT ON COLUMN events.num_sources IS 'Distinct publishers (or articles when unknown) mentioning the event.';
COMMENT ON COLUMN events.first_seen IS 'Earliest publication date among the mentions.';
COMMENT ON COLUMN events.last_seen IS 'Latest publication date among the mentions.';
COMMENT ON COLUMN events.mention_ids IS 'event_mentions.mention_id of every member mention (join back to the sentences).';
COMMENT ON COLUMN events.counted_in_aggregates IS 'TRUE when the event counts in country-pair aggregates: positive, asserted/historical/intent, two different countries, at least one body-text mention.';
COMMENT ON COLUMN events.dedup_method IS 'within-article or cross-article.';
COMMENT ON COLUMN events.run_id IS 'Dagster run that (re)built the events table.';
COMMENT ON COLUMN events.mentions_digest IS 'Digest of every event mention, in content, the events table was built from (one value for the table): when it differs from the current mentions, the events are rebuilt.';

-- Country-pair (dyad) aggregates of counted events. Built by peristiwa/aggregates/dyads.py.
-- Date placement (why: an event dated only "in January" must not inflate 1 January, and a loosely dated event is
-- still an event of some month):
--   day      : the event's interval is one day (date_min = date_max)       -> dyad_day, dyad_month
--   month    : the interval lies inside one calendar month                  -> dyad_month only
--   reported : no date in the text, only "by publication" (date_min NULL)   -> dyad_month of the publication month,
--              counted apart in n_events_reported
--   estimated: the interval crosses a month boundary or has an open end     -> dyad_month of the best-estimate date
--              (events.event_date), counted apart in n_events_estimated; precision stays on the event
--   unplaced : no usable date (no_date) or an invalid dyad                  -> no panel; see v_dyad_unplaced_events
-- Every table is keyed by `month` so a period can be recomputed alone (dyad_periods lists computed months).

CREATE TABLE IF NOT EXISTS dyad_day (
    src_iso3                   VARCHAR NOT NULL,
    tgt_iso3                   VARCHAR NOT NULL,
    day                        DATE NOT NULL,
    month                      DATE NOT NULL,
    n_events                   INTEGER NOT NULL,
    n_verbal_cooperation       INTEGER NOT NULL,
    n_material_cooperation     INTEGER NOT NULL,
    n_verbal_conflict          INTEGER NOT NULL,
    n_material_conflict        INTEGER NOT NULL,
    goldstein_sum              DOUBLE NOT NULL,
    goldstein_mean             DOUBLE NOT NULL,
    goldstein_coop_sum         DOUBLE NOT NULL,
    goldstein_conflict_sum     DOUBLE NOT NULL,
    goldstein_weighted_mean    DOUBLE NOT NULL,
    n_articles                 INTEGER NOT NULL,
    n_sources                  INTEGER NOT NULL,
    n_mentions                 INTEGER NOT NULL,
    PRIMARY KEY (src_iso3, tgt_iso3, day)
);
COMMENT ON TABLE dyad_day IS 'Directed country pair per day: counted events whose date interval is a single day.';
COMMENT ON COLUMN dyad_day.src_iso3 IS 'Source country (who acts), ISO3.';
COMMENT ON COLUMN dyad_day.tgt_iso3 IS 'Target country (to whom), ISO3; never equal to src_iso3.';
COMMENT ON COLUMN dyad_day.day IS 'Day of the events (date_min = date_max). Month-only events are never here.';
COMMENT ON COLUMN dyad_day.month IS 'First day of the month of `day` (the recomputation key, joins to dyad_month).';
COMMENT ON COLUMN dyad_day.n_events IS 'Counted events (counted_in_aggregates) on that day.';
COMMENT ON COLUMN dyad_day.n_verbal_cooperation IS 'Events with quad_class 1 (verbal cooperation).';
COMMENT ON COLUMN dyad_day.n_material_cooperation IS 'Events with quad_class 2 (material cooperation).';
COMMENT ON COLUMN dyad_day.n_verbal_conflict IS 'Events with quad_class 3 (verbal conflict).';
COMMENT ON COLUMN dyad_day.n_material_conflict IS 'Events with quad_class 4 (material conflict).';
COMMENT ON COLUMN dyad_day.goldstein_sum IS 'Sum of the events'' Goldstein weights.';
COMMENT ON COLUMN dyad_day.goldstein_mean IS 'Mean Goldstein weight per event, in [-10, 10].';
COMMENT ON COLUMN dyad_day.goldstein_coop_sum IS 'Sum of the positive Goldstein weights (>= 0); coop + conflict sums = goldstein_sum.';
COMMENT ON COLUMN dyad_day.goldstein_conflict_sum IS 'Sum of the negative Goldstein weights (<= 0).';
COMMENT ON COLUMN dyad_day.goldstein_weighted_mean IS 'sum(goldstein * num_articles) / sum(num_articles): events reported by more articles weigh more.';
COMMENT ON COLUMN dyad_day.n_articles IS 'Distinct articles with a mention of any of the events (not a sum: an article reporting two events counts once).';
COMMENT ON COLUMN dyad_day.n_sources IS 'Distinct publishers (articles_clean.publisher, else the article) with a mention of any of the events.';
COMMENT ON COLUMN dyad_day.n_mentions IS 'Sum of events.num_mentions (every mention belongs to exactly one event).';

CREATE TABLE IF NOT EXISTS dyad_month (
    src_iso3                   VARCHAR NOT NULL,
    tgt_iso3                   VARCHAR NOT NULL,
    month                      DATE NOT NULL,
    n_events                   INTEGER NOT NULL,
    n_events_day               INTEGER NOT NULL,
    n_events_month_only        INTEGER NOT NULL,
    n_events_reported          INTEGER NOT NULL,
    n_verbal_cooperation       INTEGER NOT NULL,
    n_material_cooperation     INTEGER NOT NULL,
    n_verbal_conflict          INTEGER NOT NULL,
    n_material_conflict        INTEGER NOT NULL,
    goldstein_sum              DOUBLE NOT NULL,
    goldstein_mean             DOUBLE NOT NULL,
    goldstein_coop_sum         DOUBLE NOT NULL,
    goldstein_conflict_sum     DOUBLE NOT NULL,
    goldstein_weighted_mean    DOUBLE NOT NULL,
    n_articles                 INTEGER NOT NULL,
    n_sources                  INTEGER NOT NULL,
    n_mentions                 INTEGER NOT NULL,
    n_events_estimated         INTEGER NOT NULL,
    PRIMARY KEY (src_iso3, tgt_iso3, month)
);
-- Warehouses created before events were placed by their best-estimate date get the column (0 in their old
-- rows); the dyad asset then recomputes the months whose totals the new placement changes.
ALTER TABLE dyad_month ADD COLUMN IF NOT EXISTS n_events_estimated INTEGER DEFAULT 0;
COMMENT ON TABLE dyad_month IS 'Directed country pair per month: day-dated events, events known only to the month, undated events in the month they were reported, and events dated across months in the month of their best-estimate date.';
COMMENT ON COLUMN dyad_month.src_iso3 IS 'Source country (who acts), ISO3.';
COMMENT ON COLUMN dyad_month.tgt_iso3 IS 'Target country (to whom), ISO3; never equal to src_iso3.';
COMMENT ON COLUMN dyad_month.month IS 'First day of the month (a DATE; the month as a whole, not its first day).';
COMMENT ON COLUMN dyad_month.n_events IS 'Counted events placed in the month = n_events_day + n_events_month_only + n_events_reported + n_events_estimated.';
COMMENT ON COLUMN dyad_month.n_events_day IS 'Of n_events, those with a known day (they are also in dyad_day).';
COMMENT ON COLUMN dyad_month.n_events_month_only IS 'Of n_events, those known only to lie within the month (not in dyad_day).';
COMMENT ON COLUMN dyad_month.n_events_reported IS 'Of n_events, those the text does not date: placed in the month of publication (the event happened by then; GDELT dates everything this way). Subtract for a strictly dated series.';
COMMENT ON COLUMN dyad_month.n_verbal_cooperation IS 'Events with quad_class 1 (verbal cooperation).';
COMMENT ON COLUMN dyad_month.n_material_cooperation IS 'Events with quad_class 2 (material cooperation).';
COMMENT ON COLUMN dyad_month.n_verbal_conflict IS 'Events with quad_class 3 (verbal conflict).';
COMMENT ON COLUMN dyad_month.n_material_conflict IS 'Events with quad_class 4 (material conflict).';
COMMENT ON COLUMN dyad_month.goldstein_sum IS 'Sum of the events'' Goldstein weights.';
COMMENT ON COLUMN dyad_month.goldstein_mean IS 'Mean Goldstein weight per event, in [-10, 10].';
COMMENT ON COLUMN dyad_month.goldstein_coop_sum IS 'Sum of the positive Goldstein weights (>= 0); coop + conflict sums = goldstein_sum.';
COMMENT ON COLUMN dyad_month.goldstein_conflict_sum IS 'Sum of the negative Goldstein weights (<= 0).';
COMMENT ON COLUMN dyad_month.goldstein_weighted_mean IS 'sum(goldstein * num_articles) / sum(num_articles): events reported by more articles weigh more.';
COMMENT ON COLUMN dyad_month.n_articles IS 'Distinct articles with a mention of any of the events (not a sum of the days: an article can span days).';
COMMENT ON COLUMN dyad_month.n_sources IS 'Distinct publishers (articles_clean.publisher, else the article) with a mention of any of the events.';
COMMENT ON COLUMN dyad_month.n_mentions IS 'Sum of events.num_mentions.';
COMMENT ON COLUMN dyad_month.n_events_estimated IS 'Of n_events, those whose date interval crosses a month boundary or has an open end ("tahun lalu", "baru-baru ini" in an undated article): placed in the month of their best-estimate date (events.event_date); their precision is in v_dyad_placed_events.date_precision. Subtract, with n_events_reported, for a strictly dated series.';

CREATE TABLE IF NOT EXISTS dyad_month_undirected (
    a_iso3                     VARCHAR NOT NULL,
    b_iso3                     VARCHAR NOT NULL,
    month                      DATE NOT NULL,
    n_events                   INTEGER NOT NULL,
    n_events_directed          INTEGER NOT NULL,
    n_reciprocal               INTEGER NOT NULL,
    n_verbal_cooperation       INTEGER NOT NULL,
    n_material_cooperation     INTEGER NOT NULL,
    n_verbal_conflict          INTEGER NOT NULL,
    n_material_conflict        INTEGER NOT NULL,
    goldstein_sum              DOUBLE NOT NULL,
    goldstein_mean             DOUBLE NOT NULL,
    goldstein_coop_sum         DOUBLE NOT NULL,
    goldstein_conflict_sum     DOUBLE NOT NULL,
    goldstein_weighted_mean    DOUBLE NOT NULL,
    n_articles                 INTEGER NOT NULL,
    n_sources                  INTEGER NOT NULL,
    n_mentions                 INTEGER NOT NULL,
    PRIMARY KEY (a_iso3, b_iso3, month)
);
COMMENT ON TABLE dyad_month_undirected IS 'Unordered country pair (a < b) per month; a reciprocal event (A->B and B->A sharing pair_id) counts once.';
COMMENT ON COLUMN dyad_month_undirected.a_iso3 IS 'Alphabetically first country of the pair, ISO3.';
COMMENT ON COLUMN dyad_month_undirected.b_iso3 IS 'Alphabetically second country of the pair, ISO3 (a_iso3 < b_iso3).';
COMMENT ON COLUMN dyad_month_undirected.month IS 'First day of the month; a reciprocal pair whose directions fall in different months goes to the earlier one.';
COMMENT ON COLUMN dyad_month_undirected.n_events IS 'Distinct events after merging the two directions of a reciprocal event.';
COMMENT ON COLUMN dyad_month_undirected.n_events_directed IS 'Directed events behind the cell (dyad_month rows of both directions); minus n_events = reciprocal double counts avoided.';
COMMENT ON COLUMN dyad_month_undirected.n_reciprocal IS 'Of n_events, those coded in both directions.';
COMMENT ON COLUMN dyad_month_undirected.n_verbal_cooperation IS 'Events with quad_class 1 (verbal cooperation).';
COMMENT ON COLUMN dyad_month_undirected.n_material_cooperation IS 'Events with quad_class 2 (material cooperation).';
COMMENT ON COLUMN dyad_month_undirected.n_verbal_conflict IS 'Events with quad_class 3 (verbal conflict).';
COMMENT ON COLUMN dyad_month_undirected.n_material_conflict IS 'Events with quad_class 4 (material conflict).';
COMMENT ON COLUMN dyad_month_undirected.goldstein_sum IS 'Sum of Goldstein weights, one weight per (merged) event.';
COMMENT ON COLUMN dyad_month_undirected.goldstein_mean IS 'Mean Goldstein weight per event, in [-10, 10].';
COMMENT ON COLUMN dyad_month_undirected.goldstein_coop_sum IS 'Sum of the positive Goldstein weights (>= 0).';
COMMENT ON COLUMN dyad_month_undirected.goldstein_conflict_sum IS 'Sum of the negative Goldstein weights (<= 0).';
COMMENT ON COLUMN dyad_month_undirected.goldstein_weighted_mean IS 'sum(goldstein * num_articles) / sum(num_articles), num_articles of a merged event = max over its directions.';
COMMENT ON COLUMN dyad_month_undirected.n_articles IS 'Distinct articles with a mention of any of the events (either direction).';
COMMENT ON COLUMN dyad_month_undirected.n_sources IS 'Distinct publishers (else articles) with a mention of any of the events.';
COMMENT ON COLUMN dyad_month_undirected.n_mentions IS 'Mentions of the events, the larger direction of a reciprocal event only (its two directions come from the same sentences).';

CREATE TABLE IF NOT EXISTS dyad_periods (
    month                      DATE PRIMARY KEY,
    n_events                   INTEGER NOT NULL,
    n_cells                    INTEGER NOT NULL,
    run_id                     VARCHAR NOT NULL,
    computed_at                TIMESTAMP NOT NULL
);
COMMENT ON TABLE dyad_periods IS 'Months the dyad panels were (re)computed for, including months left with no events: the key of an incremental replace.';
COMMENT ON COLUMN dyad_periods.month IS 'First day of the recomputed month.';
COMMENT ON COLUMN dyad_periods.n_events IS 'Counted events placed in the month (= sum of dyad_month.n_events for it).';
COMMENT ON COLUMN dyad_periods.n_cells IS 'dyad_month rows for the month.';
COMMENT ON COLUMN dyad_periods.run_id IS 'Dagster run that last recomputed the month.';
COMMENT ON COLUMN dyad_periods.computed_at IS 'UTC time of the recomputation.';

CREATE TABLE IF NOT EXISTS dyad_event_inputs (
    event_id               VARCHAR NOT NULL,
    source_iso3            VARCHAR,
    target_iso3            VARCHAR,
    pair_id                VARCHAR,
    quad_class             INTEGER NOT NULL,
    goldstein              DOUBLE NOT NULL,
    num_articles           INTEGER NOT NULL,
    num_mentions           INTEGER NOT NULL,
    mention_ids            VARCHAR[] NOT NULL,
    counted_in_aggregates  BOOLEAN NOT NULL,
    event_date             DATE,
    date_min               DATE,
    date_max               DATE,
    date_precision         VARCHAR
);
COMMENT ON TABLE dyad_event_inputs IS 'The events columns the dyad panels read, as of the last dyad refresh: comparing it with `events` finds the months a new run must recompute (bookkeeping; query `events` instead).';
COMMENT ON COLUMN dyad_event_inputs.event_id IS 'events.event_id.';
COMMENT ON COLUMN dyad_event_inputs.source_iso3 IS 'events.source_iso3 at the last refresh.';
COMMENT ON COLUMN dyad_event_inputs.target_iso3 IS 'events.target_iso3 at the last refresh.';
COMMENT ON COLUMN dyad_event_inputs.pair_id IS 'events.pair_id at the last refresh.';
COMMENT ON COLUMN dyad_event_inputs.quad_class IS 'events.quad_class at the last refresh.';
COMMENT ON COLUMN dyad_event_inputs.goldstein IS 'events.goldstein at the last refresh.';
COMMENT ON COLUMN dyad_event_inputs.num_articles IS 'events.num_articles at the last refresh.';
COMMENT ON COLUMN dyad_event_inputs.num_mentions IS 'events.num_mentions at the last refresh.';
COMMENT ON COLUMN dyad_event_inputs.mention_ids IS 'events.mention_ids at the last refresh.';
COMMENT ON COLUMN dyad_event_inputs.counted_in_aggregates IS 'events.counted_in_aggregates at the last refresh.';
COMMENT ON COLUMN dyad_event_inputs.event_date IS 'events.event_date at the last refresh.';
COMMENT ON COLUMN dyad_event_inputs.date_min IS 'events.date_min at the last refresh.';
COMMENT ON COLUMN dyad_event_inputs.date_max IS 'events.date_max at the last refresh.';
COMMENT ON COLUMN dyad_event_inputs.date_precision IS 'events.date_precision at the last refresh.';
