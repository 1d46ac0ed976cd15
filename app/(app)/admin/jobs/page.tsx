import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { listJobs, listRecentJobRuns, type JobStatus } from "@/lib/data/jobs";
import { TIME_ZONE } from "@/lib/i18n/config";
import { orNotFound } from "@/components/admin/guard";
import { JobControls } from "@/components/jobs/job-controls";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { runJobNowAction, toggleJobAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("jobs");
  return { title: t("title") };
}

const STATUS_TONE = { RUNNING: "info", SUCCEEDED: "good", FAILED: "bad" } as const;

/** 定时任务 (administrators): every scheduled job, its switch, "run now" and the recent runs. */
export default async function JobsPage() {
  const viewer = await requireViewer();
  const jobs = await orNotFound(listJobs(viewer));
  const [runs, t, format] = await Promise.all([
    listRecentJobRuns(viewer),
    getTranslations("jobs"),
    getFormatter(),
  ]);
  const when = (d: Date) =>
    format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: TIME_ZONE });
  const jobName = (name: string) => t(`names.${name}`);
  const every = (seconds: number) =>
    seconds % 86_400 === 0
      ? t("everyDays", { count: seconds / 86_400 })
      : seconds % 3600 === 0
        ? t("everyHours", { count: seconds / 3600 })
        : t("everyMinutes", { count: Math.round(seconds / 60) });
  const status = (s: JobStatus) => <Badge tone={STATUS_TONE[s]}>{t(`status.${s}`)}</Badge>;

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />

      <Card>
        <CardHeader title={t("schedule")} />
        <Table caption={t("schedule")}>
          <thead className="bg-slate-50">
            <tr>
              <Th>{t("job")}</Th>
              <Th>{t("interval")}</Th>
              <Th>{t("lastRun")}</Th>
              <Th>{t("nextRun")}</Th>
              <Th>
                <span className="sr-only">{t("actions")}</span>
              </Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {jobs.map((job) => (
              <tr key={job.name} data-job={job.name}>
                <Td>
                  <div className="font-medium text-slate-900">{jobName(job.name)}</div>
                  <div className="font-mono text-xs text-slate-600">{job.name}</div>
                  <div className="mt-1">
                    {job.enabled ? <Badge tone="good">{t("on")}</Badge> : <Badge>{t("off")}</Badge>}
                  </div>
                </Td>
                <Td className="whitespace-nowrap">{every(job.intervalSeconds)}</Td>
                <Td className="whitespace-nowrap">
                  {job.running ? (
                    status("RUNNING")
                  ) : job.lastStatus && job.lastRunAt ? (
                    <div className="space-y-1">
                      {status(job.lastStatus)}
                      <div>{when(job.lastRunAt)}</div>
                      {job.lastProcessed !== null ? (
                        <div className="text-xs text-slate-600">
                          {t("processedCount", { count: job.lastProcessed })}
                        </div>
                      ) : null}
                    </div>
                  ) : (
                    <span className="text-slate-600">{t("never")}</span>
                  )}
                </Td>
                <Td className="whitespace-nowrap">{job.enabled ? when(job.nextRunAt) : t("paused")}</Td>
                <Td>
                  <JobControls
                    runJobNowAction={runJobNowAction}
                    toggleJobAction={toggleJobAction}
                    name={job.name}
                    label={jobName(job.name)}
                    enabled={job.enabled}
                    words={{
                      runNow: t("runNow"),
                      running: t("runningNow"),
                      turnOn: t("turnOn"),
                      turnOff: t("turnOff"),
                      runNowItem: t("runNowItem", { name: jobName(job.name) }),
                      toggleItem: t("toggleItem", { name: jobName(job.name) }),
                    }}
                  />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>

      <Card>
        <CardHeader title={t("runs")} />
        {runs.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-600">{t("noRuns")}</p>
        ) : (
          <Table caption={t("runs")} data-testid="job-runs">
            <thead className="bg-slate-50">
              <tr>
                <Th>{t("startedAt")}</Th>
                <Th>{t("job")}</Th>
                <Th>{t("result")}</Th>
                <Th>{t("processed")}</Th>
                <Th>{t("duration")}</Th>
                <Th>{t("runner")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {runs.map((run) => (
                <tr key={run.id}>
                  <Td className="whitespace-nowrap">{when(run.startedAt)}</Td>
                  <Td className="whitespace-nowrap">{jobName(run.name)}</Td>
                  <Td>
                    {status(run.status)}
                    {run.error ? (
                      <p className="mt-1 max-w-md break-words text-xs text-red-800">{run.error}</p>
                    ) : null}
                  </Td>
                  <Td className="tabular-nums">{run.processed}</Td>
                  <Td className="whitespace-nowrap tabular-nums">
                    {run.finishedAt
                      ? t("seconds", { value: (run.finishedAt.getTime() - run.startedAt.getTime()) / 1000 })
                      : "—"}
                  </Td>
                  <Td className="font-mono text-xs text-slate-600">{run.runner}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}
