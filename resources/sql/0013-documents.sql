-- 0013: generated documents of public rental housing (issue 4): the
-- street publicity list (街道公示), the New Area announcement (新区公告)
-- and the qualification confirmation form (资格确认单).
--
-- A template is the text around the data: title, issuer, a body with
-- {{field}} names, an optional PNG logo and the font size.  Exactly one
-- template per kind is active (the partial unique index); generating a
-- document with it counts a use.  A document is a rendered PDF in the
-- file store (archived), numbered per kind and year (GS-2026-000001,
-- GG-2026-000001, QRD-2026-000001), with the applications it is about.

CREATE TABLE pubrent_document_templates (
  id            INTEGER PRIMARY KEY,
  kind          TEXT NOT NULL CHECK (kind IN ('street_publicity', 'announcement', 'confirmation')),
  name          TEXT NOT NULL,
  title         TEXT NOT NULL,
  issuer        TEXT NOT NULL,
  body          TEXT NOT NULL,
  logo_file_id  INTEGER REFERENCES files (id),
  font_size     INTEGER NOT NULL DEFAULT 12 CHECK (font_size BETWEEN 8 AND 24),
  active        INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1)),
  usage_count   INTEGER NOT NULL DEFAULT 0,
  last_used_at  INTEGER,
  -- NULL for the templates this migration seeds.
  created_by    INTEGER REFERENCES users (id),
  created_at    INTEGER NOT NULL,
  updated_by    INTEGER REFERENCES users (id),
  updated_at    INTEGER NOT NULL
);

CREATE UNIQUE INDEX pubrent_document_templates_one_active
  ON pubrent_document_templates (kind) WHERE active = 1;

CREATE TABLE pubrent_documents (
  id            INTEGER PRIMARY KEY,
  number        TEXT NOT NULL UNIQUE,
  kind          TEXT NOT NULL CHECK (kind IN ('street_publicity', 'announcement', 'confirmation')),
  title         TEXT NOT NULL,
  template_id   INTEGER NOT NULL REFERENCES pubrent_document_templates (id),
  file_id       INTEGER NOT NULL REFERENCES files (id),
  -- What the QR code of a confirmation form carries: the first 16 hex
  -- characters of HMAC-SHA256 (number) under pubrent_document_secret.
  code          TEXT NOT NULL,
  -- The conclusion printed on a confirmation form, for verification.
  conclusion    TEXT,
  generated_at  INTEGER NOT NULL,
  -- NULL when anju-server generated it (the announcement sweep).
  generated_by  INTEGER REFERENCES users (id)
);

CREATE INDEX pubrent_documents_kind ON pubrent_documents (kind, generated_at);

CREATE TABLE pubrent_document_applications (
  document_id    INTEGER NOT NULL REFERENCES pubrent_documents (id) ON DELETE CASCADE,
  application_id INTEGER NOT NULL,
  position       INTEGER NOT NULL,
  PRIMARY KEY (document_id, application_id)
);

CREATE INDEX pubrent_document_applications_application
  ON pubrent_document_applications (application_id);

-- The last number given per kind and calendar year (Asia/Shanghai).
CREATE TABLE pubrent_document_counters (
  kind  TEXT NOT NULL,
  year  INTEGER NOT NULL,
  last  INTEGER NOT NULL,
  PRIMARY KEY (kind, year)
);

-- The verification key, made here once per database and never sent
-- anywhere: a form's code proves the server issued that number.
CREATE TABLE pubrent_document_secret (
  id   INTEGER PRIMARY KEY CHECK (id = 1),
  key  BLOB NOT NULL
);

INSERT INTO pubrent_document_secret (id, key) VALUES (1, randomblob(32));

INSERT INTO pubrent_document_templates
  (kind, name, title, issuer, body, font_size, active, created_at, updated_at)
VALUES
  ('street_publicity', '街道公示（通用）', '湘江新区公共租赁住房保障资格街道公示',
   '湘江新区住房保障服务中心',
   '根据《长沙市公共租赁住房管理办法》及湘江新区公共租赁住房保障工作的有关规定，'
   || '经申请人申请、社区受理、街道初审，下列{{count}}户家庭符合公共租赁住房保障条件，现予以公示。'
   || char(10) || char(10)
   || '公示期：{{start_date}}至{{end_date}}（编号{{number}}）。'
   || char(10)
   || '公示期内，任何单位和个人如有异议，可通过来电、来信或来访方式向街道或湘江新区住房保障服务中心实名反映，'
   || '并提供必要的证据材料。'
   || char(10)
   || '监督电话：0731-88393110' || char(10)
   || '来访地址：长沙市岳麓区桐梓坡西路408号湘江新区政务服务中心三楼住房保障窗口',
   12, 1, CAST(strftime('%s', 'now') AS INTEGER), CAST(strftime('%s', 'now') AS INTEGER)),
  ('announcement', '新区公告（通用）', '湘江新区公共租赁住房保障资格审核结果公告',
   '湘江新区住房保障服务中心',
   '经街道审核、公示及湘江新区住房保障服务中心审查，下列{{count}}户家庭符合公共租赁住房保障条件，'
   || '现将审核结果予以公告。'
   || char(10) || char(10)
   || '公告期：{{start_date}}至{{end_date}}（编号{{number}}）。'
   || char(10)
   || '公告期内如有异议，请向湘江新区住房保障服务中心书面反映。公告期满无异议的，'
   || '将出具公共租赁住房保障资格确认单，纳入轮候或租赁补贴名册。'
   || char(10)
   || '监督电话：0731-88393110' || char(10)
   || '来访地址：长沙市岳麓区桐梓坡西路408号湘江新区政务服务中心三楼住房保障窗口',
   12, 1, CAST(strftime('%s', 'now') AS INTEGER), CAST(strftime('%s', 'now') AS INTEGER)),
  ('confirmation', '资格确认单（通用）', '公共租赁住房保障资格确认单',
   '湘江新区住房保障服务中心',
   '{{applicant_name}}（申请编号{{application_no}}）：'
   || char(10)
   || '你户于{{submitted_date}}提出的{{business_type}}申请，经街道审核、公示、湘江新区住房保障服务中心审查及新区公告，'
   || '公告期满无异议，现确认如下：'
   || char(10)
   || '{{conclusion}}'
   || char(10)
   || '请妥善保管本确认单。本确认单可扫描二维码核验真伪；如家庭人口、收入、住房等情况发生变化，'
   || '请于30日内向所在街道如实申报。',
   12, 1, CAST(strftime('%s', 'now') AS INTEGER), CAST(strftime('%s', 'now') AS INTEGER));
