import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { getTemplate } from "@/lib/data/surveys/templates";
import { hasCapability } from "@/lib/domain/access";
import { QUESTION_TYPES } from "@/lib/domain/surveys";
import { orNotFound } from "@/components/admin/guard";
import { TemplateEditor } from "@/components/surveys/template-editor";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { createTemplateAction, updateTemplateAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("surveys.templates");
  return { title: t("edit") };
}

/** 编辑问卷 ("new" creates one): saving changed wording writes a new version. */
export default async function TemplatePage({ params }: { params: Promise<{ templateId: string }> }) {
  const viewer = await requireViewer();
  if (!hasCapability(viewer, "admin.satisfaction")) notFound();
  const { templateId } = await params;
  const isNew = templateId === "new";
  const [found, t] = await Promise.all([
    isNew ? Promise.resolve(null) : orNotFound(getTemplate(viewer, templateId)),
    getTranslations("surveys.templates"),
  ]);
  const labels = {
    ...Object.fromEntries(
      (
        [
          "code",
          "codeHint",
          "name",
          "nameEn",
          "titleZh",
          "titleEn",
          "introZh",
          "introEn",
          "questions",
          "question",
          "key",
          "type",
          "required",
          "labelZh",
          "labelEn",
          "options",
          "option",
          "addOption",
          "removeOption",
          "min",
          "max",
          "add",
          "remove",
          "up",
          "down",
          "save",
          "versionNote",
        ] as const
      ).map((k) => [k, t(`editor.${k}`)]),
    ),
    types: Object.fromEntries(QUESTION_TYPES.map((type) => [type, t(`types.${type}`)])),
  } as Parameters<typeof TemplateEditor>[0]["labels"];
  return (
    <div className="space-y-6">
      <PageHeader
        title={
          isNew
            ? t("new")
            : t("editTitle", { name: viewer.locale === "en" ? found!.template.nameEn : found!.template.name })
        }
        description={
          found ? t("currentVersion", { version: found.template.currentVersion }) : t("description")
        }
      />
      <Card className="p-4 sm:p-6">
        <TemplateEditor
          action={isNew ? createTemplateAction : updateTemplateAction}
          id={found?.template.id}
          version={found?.template.version}
          values={{
            code: found?.template.code ?? "",
            name: found?.template.name ?? "",
            nameEn: found?.template.nameEn ?? "",
            titleZh: found?.version.titleZh ?? "",
            titleEn: found?.version.titleEn ?? "",
            introZh: found?.version.introZh ?? "",
            introEn: found?.version.introEn ?? "",
          }}
          questions={
            found?.version.questions ?? [
              { key: "csat", type: "CSAT", required: true, labelZh: "", labelEn: "" },
            ]
          }
          labels={labels}
        />
      </Card>
    </div>
  );
}
