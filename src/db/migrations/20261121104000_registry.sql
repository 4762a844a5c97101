-- Up Migration
-- Address registry: search columns on houses, the word list that corrects typos, and the staging
-- tables of the ГАР (GAR) import with a checkpoint per file.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- search_text holds the address normalised by src/registry/normalize.ts (type words dropped,
-- ё → е, house parts as к1 / стр2 / лита); search_tsv is its words, matched in any order.
ALTER TABLE houses
  ADD COLUMN gar_object_id bigint UNIQUE,
  ADD COLUMN search_text text NOT NULL DEFAULT '',
  ADD COLUMN search_tsv tsvector GENERATED ALWAYS AS (array_to_tsvector(array_remove(string_to_array(search_text, ' '), ''))) STORED;
CREATE INDEX houses_search_tsv_idx ON houses USING gin (search_tsv);
CREATE INDEX houses_search_trgm_idx ON houses USING gin (search_text gin_trgm_ops);

-- Every distinct name word of the registry: a misspelt query word is matched against this small
-- table by trigram similarity, then the corrected words are looked up in search_tsv.
CREATE TABLE registry_words (
  word  text PRIMARY KEY
);
CREATE INDEX registry_words_trgm_idx ON registry_words USING gin (word gin_trgm_ops);

-- ГАР address objects (AS_ADDR_OBJ): regions, cities, streets… Only the actual version of each object.
CREATE TABLE gar_addr_objects (
  object_id    bigint PRIMARY KEY,
  object_guid  uuid NOT NULL,
  name         text NOT NULL,
  type_name    text NOT NULL,
  level        smallint NOT NULL,
  is_active    boolean NOT NULL
);

-- ГАР houses (AS_HOUSES); dirty marks rows whose address must be (re)built into houses.
CREATE TABLE gar_houses (
  object_id    bigint PRIMARY KEY,
  object_guid  uuid NOT NULL,
  house_num    text,
  add_num1     text,
  add_num2     text,
  house_type   smallint,
  add_type1    smallint,
  add_type2    smallint,
  is_active    boolean NOT NULL,
  dirty        boolean NOT NULL DEFAULT true
);
CREATE INDEX gar_houses_dirty_idx ON gar_houses (object_id) WHERE dirty;

-- ГАР apartments (AS_APARTMENTS): matched to premises by house and number.
CREATE TABLE gar_apartments (
  object_id    bigint PRIMARY KEY,
  object_guid  uuid NOT NULL,
  number       text NOT NULL,
  apart_type   smallint,
  is_active    boolean NOT NULL,
  dirty        boolean NOT NULL DEFAULT true
);

-- ГАР hierarchies: administrative (AS_ADM_HIERARCHY) and municipal (AS_MUN_HIERARCHY).
CREATE TABLE gar_hierarchy (
  kind              text NOT NULL CHECK (kind IN ('adm', 'mun')),
  object_id         bigint NOT NULL,
  parent_object_id  bigint,
  path              text NOT NULL,
  region_code       smallint,
  PRIMARY KEY (kind, object_id)
);
CREATE INDEX gar_hierarchy_parent_idx ON gar_hierarchy (kind, parent_object_id);

-- Progress of each imported file: records_done commits with each batch, so an interrupted import
-- resumes after the last committed batch; a finished file of the same size is skipped.
CREATE TABLE gar_import_files (
  file_key      text PRIMARY KEY,
  kind          text NOT NULL,
  size          bigint NOT NULL,
  records_done  bigint NOT NULL DEFAULT 0,
  status        text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done')),
  started_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz
);

-- Down Migration
DROP TABLE gar_import_files, gar_hierarchy, gar_apartments, gar_houses, gar_addr_objects, registry_words;
ALTER TABLE houses DROP COLUMN search_tsv, DROP COLUMN search_text, DROP COLUMN gar_object_id;
