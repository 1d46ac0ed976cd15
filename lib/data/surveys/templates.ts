import "server-only";
import { db, type Prisma } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import type { SurveyQuestion } from "@/lib/domain/surveys";
import {
  checkTemplate,
  normaliseQuestion,
  sameTemplate,
  templateKindOf,
} from "@/lib/domain/survey-templates";
import { assertCapability } from "@/lib/auth/permissions";
import { AppError, notFound } from "@/lib/errors";
import { mutate } from "../audit";
import { updateVersioned } from "../versioning";

// Questionnaires (问卷模板), the administrator's. Their wording lives in numbered versions: saving a
// change writes a new version and points the template at it, so surveys already sent (and their
// answers) keep the words their respondents read.

export type TemplateInput = {
  code: string;
  name: string;
  nameEn: string;
  titleZh: string;
  titleEn: string;
  introZh: string | null;
  introEn: string | null;
  questions: SurveyQuestion[];
};

/** Templates anyone may send (current, not deleted), for the send form. */
export async function listSendableTemplates() {
  return db.surveyTemplate.findMany({
    where: { deletedAt: null },
    select: { id: true, code: true, name: true, nameEn: true, kind: true },
    orderBy: [{ kind: "asc" }, { code: "asc" }],
  });
}

export async function listTemplates(viewer: Viewer, opts: { deleted?: boolean } = {}) {
  assertCapability(viewer, "admin.satisfaction");
  const rows = await db.surveyTemplate.findMany({
    where: { deletedAt: opts.deleted ? { not: null } : null },
    orderBy: [{ kind: "asc" }, { code: "asc" }],
    include: { versions: { select: { number: true, _count: { select: { surveys: true } } } } },
  });
  return rows.map(({ versions, ...t }) => ({
    ...t,
    surveys: versions.reduce((n, v) => n + v._count.surveys, 0),
  }));
}

export async function getTemplate(viewer: Viewer, id: string) {
  assertCapability(viewer, "admin.satisfaction");
  const template = await db.surveyTemplate.findUnique({ where: { id } });
  if (!template) throw notFound("template");
  const version = await db.surveyTemplateVersion.findUniqueOrThrow({
    where: { templateId_number: { templateId: id, number: template.currentVersion } },
  });
  return { template, version: { ...version, questions: version.questions as unknown as SurveyQuestion[] } };
}

function validated(input: TemplateInput) {
  const questions = input.questions.map(normaliseQuestion);
  const problems = checkTemplate({ ...input, questions });
  if (Object.keys(problems).length) {
    const fieldErrors: Record<string, string[]> = {};
    for (const [path, problem] of Object.entries(problems)) {
      const field = path.startsWith("questions") ? "questions" : path;
      fieldErrors[field] = [...(fieldErrors[field] ?? []), `surveys.templates.problems.${problem}`];
    }
    throw new AppError("VALIDATION", "template", fieldErrors);
  }
  return questions;
}

const versionData = (input: TemplateInput, questions: SurveyQuestion[]) => ({
  titleZh: input.titleZh.trim(),
  titleEn: input.titleEn.trim(),
  introZh: input.introZh?.trim() || null,
  introEn: input.introEn?.trim() || null,
  questions: questions as unknown as Prisma.InputJsonValue,
});

export async function createTemplate(viewer: Viewer, input: TemplateInput) {
  assertCapability(viewer, "admin.satisfaction");
  const questions = validated(input);
  return mutate(viewer, async ({ tx, audit }) => {
    const template = await tx.surveyTemplate.create({
      data: {
        code: input.code,
        name: input.name,
        nameEn: input.nameEn,
        kind: templateKindOf(questions),
        createdById: viewer.id,
        versions: { create: { number: 1, createdById: viewer.id, ...versionData(input, questions) } },
      },
    });
    await audit({
      action: "surveyTemplate.create",
      entity: "SurveyTemplate",
      entityId: template.id,
      after: { ...template, ...versionData(input, questions) },
    });
    return { id: template.id, currentVersion: 1 };
  });
}

/** Saves an edit: names on the template; wording, if changed, as a new version. Version-checked. */
export async function updateTemplate(viewer: Viewer, input: TemplateInput & { id: string; version: number }) {
  assertCapability(viewer, "admin.satisfaction");
  const questions = validated(input);
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await tx.surveyTemplate.findFirst({ where: { id: input.id, deletedAt: null } });
    if (!before) throw notFound("template");
    const current = await tx.surveyTemplateVersion.findUniqueOrThrow({
      where: { templateId_number: { templateId: before.id, number: before.currentVersion } },
    });
    const next = versionData(input, questions);
    const changed = !sameTemplate(
      { ...next, questions },
      { ...current, questions: current.questions as unknown as SurveyQuestion[] },
    );
    const currentVersion = changed ? before.currentVersion + 1 : before.currentVersion;
    await updateVersioned(tx.surveyTemplate, {
      where: { id: before.id },
      version: input.version,
      data: { name: input.name, nameEn: input.nameEn, kind: templateKindOf(questions), currentVersion },
    });
    if (changed)
      await tx.surveyTemplateVersion.create({
        data: { templateId: before.id, number: currentVersion, createdById: viewer.id, ...next },
      });
    const after = await tx.surveyTemplate.findUniqueOrThrow({ where: { id: before.id } });
    await audit({
      action: "surveyTemplate.update",
      entity: "SurveyTemplate",
      entityId: before.id,
      before: { ...before, ...current },
      after: { ...after, ...(changed ? next : {}) },
    });
    return { id: before.id, currentVersion };
  });
}

export async function setTemplateDeleted(
  viewer: Viewer,
  input: { id: string; version: number },
  deleted: boolean,
) {
  assertCapability(viewer, "admin.satisfaction");
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await tx.surveyTemplate.findFirst({
      where: { id: input.id, deletedAt: deleted ? null : { not: null } },
    });
    if (!before) throw notFound("template");
    await updateVersioned(tx.surveyTemplate, {
      where: { id: before.id },
      version: input.version,
      data: { deletedAt: deleted ? new Date() : null },
    });
    const after = await tx.surveyTemplate.findUniqueOrThrow({ where: { id: before.id } });
    await audit({
      action: deleted ? "surveyTemplate.delete" : "surveyTemplate.restore",
      entity: "SurveyTemplate",
      entityId: before.id,
      before,
      after,
    });
    return { id: before.id };
  });
}
