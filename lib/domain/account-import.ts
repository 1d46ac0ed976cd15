// Importing key accounts (客户档案) from a CSV file: which column is which (English or Chinese
// headers), turning labels people type ("汽车及零部件", "Large", "苏州市") into codes and ids, and
// validating each row with the same rules as the "new account" form. Pure: the data layer
// supplies the territories and colleagues to resolve against, the form's validation (as a
// function), and adds the checks that need the database (credit-code matches, permissions).
import { ACCOUNT_TYPES, SIZE_BANDS, type AccountType, type SizeBand } from "./account-kinds";
import { INDUSTRIES } from "./industries";
import { headerMapper, normHeader, type HeaderMap as CsvHeaderMap } from "./csv-table";

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The columns an import understands, in template order (the last three are optional extras). */
export const IMPORT_FIELDS = [
  "name",
  "creditCode",
  "legalRepresentative",
  "industry",
  "sizeBand",
  "headcount",
  "annualRevenue",
  "accountType",
  "territory",
  "address",
  "website",
  "owner",
  "shareholderBackground",
  "industryStanding",
  "orgStructureNotes",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** The columns of the downloadable template. */
export const TEMPLATE_FIELDS = IMPORT_FIELDS.slice(0, 12) as readonly ImportField[];

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;
/** The template has 15 columns; a header far wider is not an account list (and would fill the preview). */
export const MAX_IMPORT_COLUMNS = 200;

/** Template headers per language; every one of them is also recognised on import. */
export const TEMPLATE_HEADERS: Record<"en" | "zh-CN", Record<ImportField, string>> = {
  en: {
    name: "Company name",
    creditCode: "Unified social credit code",
    legalRepresentative: "Legal representative",
    industry: "Industry",
    sizeBand: "Size",
    headcount: "Headcount",
    annualRevenue: "Annual revenue (yuan)",
    accountType: "Account type",
    territory: "Region",
    address: "Address",
    website: "Website",
    owner: "Owner (e-mail)",
    shareholderBackground: "Shareholder background",
    industryStanding: "Industry standing and qualifications",
    orgStructureNotes: "Organisation structure",
  },
  "zh-CN": {
    name: "企业名称",
    creditCode: "统一社会信用代码",
    legalRepresentative: "法人代表",
    industry: "行业",
    sizeBand: "规模",
    headcount: "员工人数",
    annualRevenue: "年营业收入（元）",
    accountType: "客户类型",
    territory: "所属区域",
    address: "地址",
    website: "网站",
    owner: "负责人（邮箱）",
    shareholderBackground: "股东背景",
    industryStanding: "行业地位与资质",
    orgStructureNotes: "组织结构",
  },
};

// Other names people give these columns (normalised: see normHeader).
const HEADER_ALIASES: Record<ImportField, string[]> = {
  name: [
    "name",
    "company",
    "companyname",
    "accountname",
    "customername",
    "公司名称",
    "客户名称",
    "单位名称",
    "名称",
  ],
  creditCode: ["creditcode", "uscc", "socialcreditcode", "信用代码", "社会信用代码", "统一信用代码"],
  legalRepresentative: ["legalrepresentative", "legalrep", "法定代表人", "法人"],
  industry: ["industry", "industrycode", "所属行业", "行业代码"],
  sizeBand: ["sizeband", "size", "companysize", "企业规模"],
  headcount: ["headcount", "employees", "staff", "人数", "员工数", "员工人数"],
  annualRevenue: ["annualrevenue", "revenue", "营业收入", "年收入", "年营收"],
  accountType: ["accounttype", "type", "customertype", "类型"],
  territory: ["territory", "territorycode", "territoryid", "region", "区域", "地区", "区域代码"],
  address: ["address", "详细地址", "注册地址"],
  website: ["website", "web", "url", "homepage", "官网", "网址"],
  owner: ["owner", "owneremail", "ownere-mail", "负责人", "负责人邮箱", "客户经理"],
  shareholderBackground: ["shareholderbackground", "shareholders"],
  industryStanding: ["industrystanding", "qualifications", "行业地位", "资质"],
  orgStructureNotes: ["orgstructurenotes", "orgstructure", "organisationstructure", "organizationstructure"],
};

export { normHeader } from "./csv-table";

export type HeaderMap = CsvHeaderMap<ImportField>;

export const mapHeaders: (headerRow: readonly string[]) => HeaderMap = headerMapper(
  IMPORT_FIELDS,
  [TEMPLATE_HEADERS.en, TEMPLATE_HEADERS["zh-CN"]],
  HEADER_ALIASES,
);

// ---------------------------------------------------------------------------------------------
// Labels → codes

type Catalogue = Record<string, string>;
/** The `account` namespace's label maps in each language, as the catalogues hold them. */
export type AccountLabelCatalogues = {
  industries: Catalogue;
  sizeBands: Catalogue;
  accountTypes: Catalogue;
}[];

const normLabel = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_\-·&/、，,]/g, "");

export type LabelIndex = Record<"industry" | "sizeBand" | "accountType", Map<string, string>>;

/** Codes and their labels in every language → the code, so "汽车及零部件", "Automotive & parts" and "AUTOMOTIVE" all work. */
export function buildLabelIndex(catalogues: AccountLabelCatalogues): LabelIndex {
  const index = (codes: readonly string[], pick: (c: AccountLabelCatalogues[number]) => Catalogue) => {
    const m = new Map<string, string>();
    for (const code of codes) {
      m.set(normLabel(code), code);
      for (const c of catalogues) {
        const label = pick(c)[code];
        if (label) m.set(normLabel(label), code);
      }
    }
    return m;
  };
  return {
    industry: index(INDUSTRIES, (c) => c.industries),
    sizeBand: index(SIZE_BANDS, (c) => c.sizeBands),
    accountType: index(ACCOUNT_TYPES, (c) => c.accountTypes),
  };
}

/** Territory code, Chinese name or English name (normalised) → ids (more than one: ambiguous). */
export type TerritoryIndex = Map<string, string[]>;

export function buildTerritoryIndex(
  territories: readonly { id: string; code: string; name: string; nameEn: string }[],
): TerritoryIndex {
  const m: TerritoryIndex = new Map();
  const add = (key: string, id: string) => {
    const k = normLabel(key);
    if (!k) return;
    const ids = m.get(k) ?? [];
    if (!ids.includes(id)) m.set(k, [...ids, id]);
  };
  for (const t of territories) {
    add(t.code, t.id);
    add(t.name, t.id);
    add(t.nameEn, t.id);
  }
  // A code is exact: when a code and someone else's name collide, the code wins.
  for (const t of territories) m.set(normLabel(t.code), [t.id]);
  return m;
}

// ---------------------------------------------------------------------------------------------
// Rows

/** A row's profile once valid. Null means "not given" (an update keeps the current value). */
export type ImportedProfile = {
  name: string;
  creditCode: string | null;
  legalRepresentative: string | null;
  industry: string | null;
  sizeBand: SizeBand | null;
  headcount: number | null;
  annualRevenue: bigint | null;
  shareholderBackground: string | null;
  orgStructureNotes: string | null;
  industryStanding: string | null;
  address: string | null;
  website: string | null;
  accountType: AccountType | null;
  territoryId: string | null;
};

export type RowProblem = { field: ImportField | null; message: string };

export type ImportRow = {
  /** The row number as a spreadsheet shows it (the header is row 1). */
  row: number;
  cells: string[];
  /** What the row says, trimmed; only non-empty cells of recognised columns. */
  raw: Partial<Record<ImportField, string>>;
  /** The validated profile, or null when the row has problems. */
  profile: ImportedProfile | null;
  /** The owner named in the row (a user id), or null when the column is empty. */
  ownerId: string | null;
  problems: RowProblem[];
};

/** A row's profile, checked by the "new account" form's own rules (supplied by the data layer). */
export type ProfileValidator = (
  input: Record<string, string | undefined>,
  t: Translate,
) =>
  | {
      ok: true;
      data: Omit<ImportedProfile, "accountType"> & { accountType: AccountType; ownerId: string | null };
    }
  | { ok: false; errors: Record<string, string[]> };

export type RowContext = {
  /** The account form's validation: field → messages in the person's language. */
  validate: ProfileValidator;
  labels: LabelIndex;
  territories: TerritoryIndex;
  /** Lower-cased e-mail → user id, for the colleagues the importer may name as owners. */
  owners: Map<string, string>;
};

/** The column's name for messages: the field's label in the person's language, plus the file's header if it differs. */
export function columnLabel(field: ImportField, header: string | undefined, t: Translate): string {
  const label = t(`account.fields.${field}`);
  return header && normHeader(header) !== normHeader(label) ? `${label} (${header})` : label;
}

/**
 * A cell as quoted in the preview and in messages: a file may hold a cell of megabytes (one huge
 * line), which would otherwise travel back to the browser in every message that names it.
 */
export const clipForDisplay = (value: string, max = 200) =>
  value.length > max ? `${value.slice(0, max - 1)}…` : value;

const SCHEMA_FIELD: Record<string, ImportField> = { territoryId: "territory", ownerId: "owner" };

export function validateRow(
  record: readonly string[],
  row: number,
  header: HeaderMap,
  ctx: RowContext,
  t: Translate,
): ImportRow {
  const raw: Partial<Record<ImportField, string>> = {};
  header.columns.forEach((field, i) => {
    const v = (record[i] ?? "").trim();
    if (field && v) raw[field] = v;
  });
  const problems: RowProblem[] = [];
  const problem = (field: ImportField, key: string, values?: Record<string, string | number>) =>
    problems.push({ field, message: t(`accountTools.import.problems.${key}`, values) });

  const byLabel = (field: "industry" | "sizeBand" | "accountType") => {
    const v = raw[field];
    if (!v) return undefined;
    const code = ctx.labels[field].get(normLabel(v));
    if (!code)
      problem(
        field,
        field === "industry" ? "unknownIndustry" : field === "sizeBand" ? "unknownSize" : "unknownType",
        { value: clipForDisplay(v) },
      );
    return code;
  };
  const industry = byLabel("industry");
  const sizeBand = byLabel("sizeBand");
  const accountType = byLabel("accountType");

  let territoryId: string | undefined;
  if (raw.territory) {
    const ids = ctx.territories.get(normLabel(raw.territory)) ?? [];
    if (ids.length === 1) territoryId = ids[0];
    else
      problem("territory", ids.length ? "ambiguousTerritory" : "unknownTerritory", {
        value: clipForDisplay(raw.territory),
      });
  }
  let ownerId: string | undefined;
  if (raw.owner) {
    ownerId = ctx.owners.get(raw.owner.toLowerCase());
    if (!ownerId) problem("owner", "unknownOwner", { value: clipForDisplay(raw.owner) });
  }

  const parsed = ctx.validate(
    {
      name: raw.name ?? "",
      creditCode: raw.creditCode,
      legalRepresentative: raw.legalRepresentative,
      industry,
      sizeBand,
      headcount: raw.headcount?.replace(/[,，\s人]/g, ""),
      annualRevenue: raw.annualRevenue,
      shareholderBackground: raw.shareholderBackground,
      orgStructureNotes: raw.orgStructureNotes,
      industryStanding: raw.industryStanding,
      address: raw.address,
      website: raw.website,
      accountType,
      territoryId,
      ownerId,
    },
    t,
  );
  if (!parsed.ok) {
    for (const [key, messages] of Object.entries(parsed.errors)) {
      const field = (SCHEMA_FIELD[key] ?? key) as ImportField;
      const known = (IMPORT_FIELDS as readonly string[]).includes(field);
      for (const message of messages) problems.push({ field: known ? field : null, message });
    }
  }
  // Problems in column order, so the report reads left to right.
  problems.sort(
    (a, b) =>
      (a.field ? IMPORT_FIELDS.indexOf(a.field) : 99) - (b.field ? IMPORT_FIELDS.indexOf(b.field) : 99),
  );

  const d = parsed.ok ? parsed.data : null;
  return {
    row,
    cells: [...record],
    raw,
    ownerId: d?.ownerId ?? null,
    problems,
    profile:
      d && !problems.length
        ? {
            name: d.name,
            creditCode: d.creditCode,
            legalRepresentative: d.legalRepresentative,
            industry: d.industry,
            sizeBand: d.sizeBand,
            headcount: d.headcount,
            annualRevenue: d.annualRevenue,
            shareholderBackground: d.shareholderBackground,
            orgStructureNotes: d.orgStructureNotes,
            industryStanding: d.industryStanding,
            address: d.address,
            website: d.website,
            // The schema defaults an empty type to END_CUSTOMER; for an update that must mean "keep".
            accountType: raw.accountType ? d.accountType : null,
            territoryId: d.territoryId,
          }
        : null,
  };
}

/**
 * Rows that share a credit code: each is rejected, naming the others, since the file does not
 * say which of them is right.
 */
export function duplicateCodeRows(rows: readonly ImportRow[]): Map<number, number[]> {
  const byCode = new Map<string, number[]>();
  for (const r of rows) {
    const code = r.profile?.creditCode;
    if (code) byCode.set(code, [...(byCode.get(code) ?? []), r.row]);
  }
  const out = new Map<number, number[]>();
  for (const rowsWithCode of byCode.values()) {
    if (rowsWithCode.length < 2) continue;
    for (const r of rowsWithCode)
      out.set(
        r,
        rowsWithCode.filter((o) => o !== r),
      );
  }
  return out;
}

/**
 * A company name as compared for duplicates: Unicode-normalised (full-width letters, digits and
 * brackets as half-width, so "（集团）" equals "(集团)"), without white space, case-insensitive.
 */
export const normaliseCompanyName = (name: string) =>
  name.normalize("NFKC").replace(/\s+/g, "").toLowerCase();

/**
 * Rows without a credit code whose company name another row of the file also has: nothing tells
 * whether they are one company written twice or two, so each is rejected, naming the others, and
 * the person decides in the file (delete the copy, or add the credit codes). Rows with a code are
 * told apart by it and are not reported here (the same code twice: duplicateCodeRows).
 */
export function duplicateNameRows(rows: readonly ImportRow[]): Map<number, number[]> {
  const byName = new Map<string, number[]>();
  for (const r of rows) {
    if (!r.profile) continue;
    const key = normaliseCompanyName(r.profile.name);
    const same = byName.get(key);
    if (same) same.push(r.row);
    else byName.set(key, [r.row]);
  }
  const out = new Map<number, number[]>();
  for (const r of rows) {
    if (!r.profile || r.profile.creditCode) continue;
    const others = byName.get(normaliseCompanyName(r.profile.name))!.filter((o) => o !== r.row);
    if (others.length) out.set(r.row, others);
  }
  return out;
}

export type ProfileChange = keyof ImportedProfile | "ownerId";

/** Which of a row's given values differ from the account's (null in the row: keep, no change). */
export function changedFields(
  profile: ImportedProfile,
  ownerId: string | null,
  current: Omit<ImportedProfile, "accountType"> & { accountType: AccountType; ownerId: string },
): ProfileChange[] {
  const out: ProfileChange[] = [];
  for (const key of Object.keys(profile) as (keyof ImportedProfile)[]) {
    const next = profile[key];
    if (next === null || key === "creditCode") continue;
    if (next !== current[key]) out.push(key);
  }
  if (ownerId && ownerId !== current.ownerId) out.push("ownerId");
  return out;
}
