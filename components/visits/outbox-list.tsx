"use client";

import { useCallback, useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { flushOutbox } from "./outbox-send";
import { deleteOutbox, listOutbox, OUTBOX_CHANGED, type OutboxItem } from "./outbox-store";

/**
 * "Waiting to send": the visit records kept in this browser while the network was down. Sends them
 * when the page loads and whenever the browser comes back online, then refreshes the page so the
 * sent records appear in the lists. Shows nothing when the queue is empty.
 */
export function OutboxList({ compact = false }: { compact?: boolean }) {
  const t = useTranslations("visits.outbox");
  const locale = useLocale();
  const router = useRouter();
  const [items, setItems] = useState<OutboxItem[]>([]);
  const [sending, setSending] = useState(false);

  const reload = useCallback(async () => {
    try {
      setItems(await listOutbox());
    } catch {
      setItems([]); // no IndexedDB (private mode in some browsers): nothing can be waiting
    }
  }, []);

  const send = useCallback(async () => {
    setSending(true);
    try {
      if ((await flushOutbox()) > 0) router.refresh();
    } catch {
      // Storage or network trouble: the items stay and the next "online" tries again.
    } finally {
      setSending(false);
      await reload();
    }
  }, [reload, router]);

  useEffect(() => {
    // What waits from an earlier visit to the page is sent as soon as the page opens online.
    listOutbox()
      .then((waiting) => {
        setItems(waiting);
        if (waiting.length && navigator.onLine) void send();
      })
      .catch(() => setItems([]));
    const onOnline = () => void send();
    const onChange = () => void reload();
    window.addEventListener("online", onOnline);
    window.addEventListener(OUTBOX_CHANGED, onChange);
    return () => {
      window.removeEventListener("online", onOnline);
      window.removeEventListener(OUTBOX_CHANGED, onChange);
    };
  }, [reload, send]);

  if (!items.length) return compact ? null : <p className="sr-only">{t("empty")}</p>;
  const time = new Intl.DateTimeFormat(locale, {
    dateStyle: "short",
    timeStyle: "short",
    timeZone: "Asia/Shanghai",
  });
  return (
    <section
      aria-labelledby="outbox-title"
      className="rounded-lg border border-amber-300 bg-amber-50 p-4"
      data-testid="outbox"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="outbox-title" className="font-semibold text-amber-950">
          {t("title", { count: items.length })}
        </h2>
        <Button
          variant="secondary"
          size="sm"
          onClick={() => void send()}
          disabled={sending}
          aria-busy={sending || undefined}
        >
          {sending ? t("sending") : t("sendNow")}
        </Button>
      </div>
      <p className="mt-1 text-sm text-amber-950">{t("explain")}</p>
      <ul className="mt-2 divide-y divide-amber-200">
        {items.map((item) => (
          <li key={item.clientId} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
            <div className="min-w-0">
              <p className="font-medium text-slate-900">{item.accountName}</p>
              <p className="text-slate-700">
                {t("savedAt", { time: time.format(new Date(item.savedAt)) })}
                {item.error ? (
                  <span className="block text-red-800">{t("refused", { reason: item.error })}</span>
                ) : null}
              </p>
            </div>
            {item.error ? (
              <Button variant="ghost" size="sm" onClick={() => void deleteOutbox(item.clientId)}>
                {t("discard")}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
