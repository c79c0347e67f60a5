-- 0010: public rental housing applications (issue 4, docs/api.md
-- "Applications").
--
-- An application is the household of the dictionary's 申请家庭基本信息表
-- (D01) and its members the 申请家庭成员信息表 (D02), with English column
-- names; coded values are the codes of pubrent_codes.  An application
-- belongs to the organisation that entered it (org_id): a street or
-- community for walk-in applications, the employer for directed ones.
-- Money is integer fen, areas integer 0.01 m², times seconds since the
-- epoch.  D01/D02's 办理阶段, 审核人, 审核日期 and 审核状态 are not
-- columns: the status and the workflow history hold them.

-- GZF-YYYY-NNNNNN: one counter per year.
CREATE TABLE pubrent_application_counters (
  year INTEGER PRIMARY KEY,
  last INTEGER NOT NULL
);

CREATE TABLE pubrent_applications (
  id                           INTEGER PRIMARY KEY,
  application_no               TEXT NOT NULL UNIQUE,
  business_type                TEXT NOT NULL
                               CHECK (business_type IN ('directed_physical', 'directed_subsidy',
                                                        'open_physical', 'open_subsidy')),
  status                       TEXT NOT NULL DEFAULT 'draft'
                               CHECK (status IN ('draft', 'prereview_failed', 'street_review',
                                                 'street_publicity', 'center_review', 'returned',
                                                 'rejected', 'announcement', 'confirmed',
                                                 'withdrawn', 'closed')),
  org_id                       INTEGER NOT NULL REFERENCES organisations (id),
  admission_year               INTEGER,
  applicant_name               TEXT NOT NULL,
  id_doc_type                  TEXT,
  id_no                        TEXT,
  phone                        TEXT,
  agent_name                   TEXT,
  agent_id_doc_type            TEXT,
  agent_id_no                  TEXT,
  agent_phone                  TEXT,
  hukou_county_code            TEXT,
  hukou_subdistrict            TEXT,
  hukou_community              TEXT,
  hukou_road                   TEXT,
  hukou_street_no              TEXT,
  hukou_building               TEXT,
  hukou_room                   TEXT,
  household_size               INTEGER,
  annual_income_per_capita     INTEGER,
  annual_income_total          INTEGER,
  floor_area_per_capita        INTEGER,
  floor_area_total             INTEGER,
  lives_in_shantytown          INTEGER NOT NULL DEFAULT 0 CHECK (lives_in_shantytown IN (0, 1)),
  shantytown_name              TEXT,
  shantytown_type              TEXT,
  state_shantytown_affiliation TEXT,
  is_low_income                INTEGER NOT NULL DEFAULT 0 CHECK (is_low_income IN (0, 1)),
  is_dibao_household           INTEGER NOT NULL DEFAULT 0 CHECK (is_dibao_household IN (0, 1)),
  dibao_cert_no                TEXT,
  had_housing_benefit          INTEGER NOT NULL DEFAULT 0 CHECK (had_housing_benefit IN (0, 1)),
  housing_benefit_mode         TEXT,
  employer_name                TEXT,
  -- The last pre-review report (docs/api.md "prereview"), JSON.
  prereview_json               TEXT,
  close_reason                 TEXT,
  submitted_at                 INTEGER,
  submitted_by                 INTEGER REFERENCES users (id),
  decided_at                   INTEGER,
  confirmed_at                 INTEGER,
  created_by                   INTEGER NOT NULL REFERENCES users (id),
  created_at                   INTEGER NOT NULL,
  updated_at                   INTEGER NOT NULL
);

CREATE INDEX pubrent_applications_org ON pubrent_applications (org_id);
CREATE INDEX pubrent_applications_status ON pubrent_applications (status, business_type);
CREATE INDEX pubrent_applications_submitted ON pubrent_applications (submitted_at);
CREATE INDEX pubrent_applications_id_no ON pubrent_applications (id_no);
CREATE INDEX pubrent_applications_name ON pubrent_applications (applicant_name);

-- Position 0 is the applicant (relation 'self').
CREATE TABLE pubrent_members (
  id                        INTEGER PRIMARY KEY,
  application_id            INTEGER NOT NULL REFERENCES pubrent_applications (id) ON DELETE CASCADE,
  position                  INTEGER NOT NULL,
  member_no                 TEXT NOT NULL,
  relation                  TEXT NOT NULL,
  name                      TEXT NOT NULL,
  id_doc_type               TEXT,
  id_no                     TEXT,
  gender                    TEXT,
  birth_date                TEXT,
  ethnicity                 TEXT,
  phone                     TEXT,
  hukou_type                TEXT,
  hukou_years               INTEGER,
  is_permanent_resident     INTEGER NOT NULL DEFAULT 0 CHECK (is_permanent_resident IN (0, 1)),
  marital_status            TEXT,
  education_level           TEXT,
  employment_status         TEXT,
  employer_name             TEXT,
  employer_type             TEXT,
  occupation_type           TEXT,
  annual_income             INTEGER,
  special_category_code     TEXT NOT NULL DEFAULT 'none',
  disability_type           TEXT,
  disability_grade          TEXT,
  honor_title_level         TEXT,
  honor_title_type          TEXT,
  honor_medal_type          TEXT,
  is_recruited_talent       INTEGER NOT NULL DEFAULT 0 CHECK (is_recruited_talent IN (0, 1)),
  is_migrant_worker         INTEGER NOT NULL DEFAULT 0 CHECK (is_migrant_worker IN (0, 1)),
  has_housing_fund          INTEGER NOT NULL DEFAULT 0 CHECK (has_housing_fund IN (0, 1)),
  had_welfare_housing       INTEGER NOT NULL DEFAULT 0 CHECK (had_welfare_housing IN (0, 1)),
  has_housing_subsidy       INTEGER NOT NULL DEFAULT 0 CHECK (has_housing_subsidy IN (0, 1)),
  lives_together            INTEGER NOT NULL DEFAULT 1 CHECK (lives_together IN (0, 1)),
  income_source             TEXT,
  has_criminal_record       INTEGER NOT NULL DEFAULT 0 CHECK (has_criminal_record IN (0, 1)),
  pension_insurance_no      TEXT,
  medical_insurance_no      TEXT,
  unemployment_insurance_no TEXT,
  maternity_insurance_no    TEXT,
  injury_insurance_no       TEXT,
  combined_insurance_no     TEXT,
  housing_fund_account      TEXT,
  five_guarantees_cert_no   TEXT,
  worker_hardship_cert_no   TEXT,
  UNIQUE (application_id, position)
);

-- "Is this ID number in another open application?"
CREATE INDEX pubrent_members_id_no ON pubrent_members (id_no);

CREATE TABLE pubrent_application_files (
  application_id INTEGER NOT NULL REFERENCES pubrent_applications (id) ON DELETE CASCADE,
  file_id        INTEGER NOT NULL REFERENCES files (id),
  category       TEXT NOT NULL,
  note           TEXT,
  added_by       INTEGER NOT NULL REFERENCES users (id),
  added_at       INTEGER NOT NULL,
  PRIMARY KEY (application_id, file_id)
);

CREATE INDEX pubrent_application_files_file ON pubrent_application_files (file_id);

-- Every change of an application, as before/after JSON (personal data
-- masked as in the audit rows).
CREATE TABLE pubrent_application_changes (
  id             INTEGER PRIMARY KEY,
  application_id INTEGER NOT NULL REFERENCES pubrent_applications (id) ON DELETE CASCADE,
  at             INTEGER NOT NULL,
  user_id        INTEGER REFERENCES users (id),
  action         TEXT NOT NULL,
  before_json    TEXT,
  after_json     TEXT
);

CREATE INDEX pubrent_application_changes_application
  ON pubrent_application_changes (application_id, at);

-- The code dictionary (GET /api/v1/pubrent/codes): our code, its
-- Chinese name, the national standard's or the seed's code.
CREATE TABLE pubrent_codes (
  code_set  TEXT NOT NULL,
  code      TEXT NOT NULL,
  name      TEXT NOT NULL,
  seed_code TEXT,
  position  INTEGER NOT NULL,
  PRIMARY KEY (code_set, code)
);

INSERT INTO pubrent_codes (code_set, code, name, seed_code, position) VALUES
  ('business_type', 'directed_physical', '定向实物配租', NULL, 1),
  ('business_type', 'directed_subsidy', '定向租赁补贴', NULL, 2),
  ('business_type', 'open_physical', '非定向实物配租', NULL, 3),
  ('business_type', 'open_subsidy', '非定向租赁补贴', NULL, 4),

  ('status', 'draft', '草稿', NULL, 1),
  ('status', 'prereview_failed', '预审未通过', NULL, 2),
  ('status', 'street_review', '街道审核', NULL, 3),
  ('status', 'street_publicity', '街道公示', NULL, 4),
  ('status', 'center_review', '住保中心审查', NULL, 5),
  ('status', 'returned', '退回补正', NULL, 6),
  ('status', 'rejected', '未通过', NULL, 7),
  ('status', 'announcement', '新区公告', NULL, 8),
  ('status', 'confirmed', '资格已确认', NULL, 9),
  ('status', 'withdrawn', '已撤回', NULL, 10),
  ('status', 'closed', '已终止', NULL, 11),

  ('id_doc_type', 'resident_id', '居民身份证', '1', 1),
  ('id_doc_type', 'passport', '护照', '2', 2),
  ('id_doc_type', 'hk_macao_permit', '港澳居民来往内地通行证', '3', 3),
  ('id_doc_type', 'other', '其他', '9', 4),

  ('relation', 'self', '本人', '1', 1),
  ('relation', 'spouse', '配偶', '2', 2),
  ('relation', 'child', '子女', '3', 3),
  ('relation', 'parent', '父母', '4', 4),
  ('relation', 'other', '其他', '9', 5),

  -- GB/T 2261.1
  ('gender', 'unknown', '未知的性别', '0', 1),
  ('gender', 'male', '男', '1', 2),
  ('gender', 'female', '女', '2', 3),
  ('gender', 'unspecified', '未说明的性别', '9', 4),

  -- GB/T 3304: codes are the standard's Roman spellings.
  ('ethnicity', 'han', '汉族', '01', 1),
  ('ethnicity', 'mongol', '蒙古族', '02', 2),
  ('ethnicity', 'hui', '回族', '03', 3),
  ('ethnicity', 'zang', '藏族', '04', 4),
  ('ethnicity', 'uygur', '维吾尔族', '05', 5),
  ('ethnicity', 'miao', '苗族', '06', 6),
  ('ethnicity', 'yi', '彝族', '07', 7),
  ('ethnicity', 'zhuang', '壮族', '08', 8),
  ('ethnicity', 'buyei', '布依族', '09', 9),
  ('ethnicity', 'chosen', '朝鲜族', '10', 10),
  ('ethnicity', 'man', '满族', '11', 11),
  ('ethnicity', 'dong', '侗族', '12', 12),
  ('ethnicity', 'yao', '瑶族', '13', 13),
  ('ethnicity', 'bai', '白族', '14', 14),
  ('ethnicity', 'tujia', '土家族', '15', 15),
  ('ethnicity', 'hani', '哈尼族', '16', 16),
  ('ethnicity', 'kazak', '哈萨克族', '17', 17),
  ('ethnicity', 'dai', '傣族', '18', 18),
  ('ethnicity', 'li', '黎族', '19', 19),
  ('ethnicity', 'lisu', '傈僳族', '20', 20),
  ('ethnicity', 'va', '佤族', '21', 21),
  ('ethnicity', 'she', '畲族', '22', 22),
  ('ethnicity', 'gaoshan', '高山族', '23', 23),
  ('ethnicity', 'lahu', '拉祜族', '24', 24),
  ('ethnicity', 'sui', '水族', '25', 25),
  ('ethnicity', 'dongxiang', '东乡族', '26', 26),
  ('ethnicity', 'naxi', '纳西族', '27', 27),
  ('ethnicity', 'jingpo', '景颇族', '28', 28),
  ('ethnicity', 'kirgiz', '柯尔克孜族', '29', 29),
  ('ethnicity', 'tu', '土族', '30', 30),
  ('ethnicity', 'daur', '达斡尔族', '31', 31),
  ('ethnicity', 'mulao', '仫佬族', '32', 32),
  ('ethnicity', 'qiang', '羌族', '33', 33),
  ('ethnicity', 'blang', '布朗族', '34', 34),
  ('ethnicity', 'salar', '撒拉族', '35', 35),
  ('ethnicity', 'maonan', '毛南族', '36', 36),
  ('ethnicity', 'gelao', '仡佬族', '37', 37),
  ('ethnicity', 'xibe', '锡伯族', '38', 38),
  ('ethnicity', 'achang', '阿昌族', '39', 39),
  ('ethnicity', 'pumi', '普米族', '40', 40),
  ('ethnicity', 'tajik', '塔吉克族', '41', 41),
  ('ethnicity', 'nu', '怒族', '42', 42),
  ('ethnicity', 'uzbek', '乌孜别克族', '43', 43),
  ('ethnicity', 'russ', '俄罗斯族', '44', 44),
  ('ethnicity', 'ewenki', '鄂温克族', '45', 45),
  ('ethnicity', 'deang', '德昂族', '46', 46),
  ('ethnicity', 'bonan', '保安族', '47', 47),
  ('ethnicity', 'yugur', '裕固族', '48', 48),
  ('ethnicity', 'gin', '京族', '49', 49),
  ('ethnicity', 'tatar', '塔塔尔族', '50', 50),
  ('ethnicity', 'derung', '独龙族', '51', 51),
  ('ethnicity', 'oroqen', '鄂伦春族', '52', 52),
  ('ethnicity', 'hezhen', '赫哲族', '53', 53),
  ('ethnicity', 'monba', '门巴族', '54', 54),
  ('ethnicity', 'lhoba', '珞巴族', '55', 55),
  ('ethnicity', 'jino', '基诺族', '56', 56),
  ('ethnicity', 'other', '其他', '97', 57),
  ('ethnicity', 'foreign_origin', '外国血统中国籍人士', '98', 58),

  ('hukou_type', 'urban', '城镇', '1', 1),
  ('hukou_type', 'rural', '农业', '2', 2),
  ('hukou_type', 'resident', '居民', '3', 3),

  -- GB/T 2261.2
  ('marital_status', 'unmarried', '未婚', '10', 1),
  ('marital_status', 'married', '已婚', '20', 2),
  ('marital_status', 'first_marriage', '初婚', '21', 3),
  ('marital_status', 'remarried', '再婚', '22', 4),
  ('marital_status', 'reunited', '复婚', '23', 5),
  ('marital_status', 'widowed', '丧偶', '30', 6),
  ('marital_status', 'divorced', '离婚', '40', 7),
  ('marital_status', 'unspecified', '未说明的婚姻状况', '90', 8),

  -- GB/T 4658
  ('education_level', 'postgraduate', '研究生', '10', 1),
  ('education_level', 'bachelor', '大学本科', '20', 2),
  ('education_level', 'college', '大学专科', '30', 3),
  ('education_level', 'vocational', '中等职业教育', '40', 4),
  ('education_level', 'high_school', '普通高级中学', '60', 5),
  ('education_level', 'junior_high', '初级中学', '70', 6),
  ('education_level', 'primary', '小学', '80', 7),
  ('education_level', 'none', '其他', '90', 8),

  ('employment_status', 'employed', '在职', '1', 1),
  ('employment_status', 'self_employed', '个体经营', '2', 2),
  ('employment_status', 'flexible', '灵活就业', '3', 3),
  ('employment_status', 'unemployed', '失业', '4', 4),
  ('employment_status', 'retired', '离退休', '5', 5),
  ('employment_status', 'student', '在校学生', '6', 6),
  ('employment_status', 'other', '其他', '9', 7),

  ('employer_type', 'government', '机关', '1', 1),
  ('employer_type', 'public_institution', '事业单位', '2', 2),
  ('employer_type', 'state_owned', '国有企业', '3', 3),
  ('employer_type', 'collective', '集体企业', '4', 4),
  ('employer_type', 'private', '民营企业', '5', 5),
  ('employer_type', 'foreign', '外资企业', '6', 6),
  ('employer_type', 'individual', '个体工商户', '7', 7),
  ('employer_type', 'other', '其他', '9', 8),

  ('special_category_code', 'none', '无', '0', 1),
  ('special_category_code', 'elderly_alone', '孤寡老人', '1', 2),
  ('special_category_code', 'disabled', '残疾人', '2', 3),
  ('special_category_code', 'serious_illness', '重大疾病患者', '3', 4),
  ('special_category_code', 'veteran', '优抚对象', '4', 5),
  ('special_category_code', 'model_worker', '劳动模范', '5', 6),
  ('special_category_code', 'other', '其他', '9', 7),

  ('file_category', 'id_card', '身份证明', NULL, 1),
  ('file_category', 'hukou', '户口簿', NULL, 2),
  ('file_category', 'income', '收入证明', NULL, 3),
  ('file_category', 'no_housing', '无房证明', NULL, 4),
  ('file_category', 'marriage', '婚姻证明', NULL, 5),
  ('file_category', 'divorce', '离异证明', NULL, 6),
  ('file_category', 'lease', '租赁合同', NULL, 7),
  ('file_category', 'employment', '劳动合同/在职证明', NULL, 8),
  ('file_category', 'other', '其他', NULL, 9),

  ('housing_benefit_mode', 'public_rental', '公共租赁住房', '1', 1),
  ('housing_benefit_mode', 'rental_subsidy', '租赁补贴', '2', 2),
  ('housing_benefit_mode', 'affordable_housing', '经济适用住房', '3', 3),
  ('housing_benefit_mode', 'price_limited', '限价商品住房', '4', 4),
  ('housing_benefit_mode', 'shantytown', '棚户区改造安置', '5', 5),
  ('housing_benefit_mode', 'other', '其他', '9', 6);

-- The event of a failed pre-review: an SMS to the applicant, an inbox
-- message to the submitter.
INSERT INTO message_templates (event, title, body, sms, default_title, default_body, default_sms)
SELECT event, title, body, sms, title, body, sms FROM (
  SELECT 'pubrent.application.prereview_failed' AS event,
         '预审未通过：{application_no}' AS title,
         '{applicant_name}的公租房申请{application_no}未通过资格预审：{reasons}。请补正后重新提交或终止申请。' AS body,
         '您的公租房申请{application_no}未通过资格预审：{reasons}。请联系受理单位补正材料。' AS sms
);

INSERT INTO push_strategies (event, inbox, sms, enabled) VALUES
  ('pubrent.application.prereview_failed', 1, 1, 1);
