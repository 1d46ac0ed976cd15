"use client";

import { useCallback, useRef, useState } from "react";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { ActionState } from "@/lib/actions/types";

type FeedAction<T> = (state: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;

export type FeedPanelLabels = {
  none: string;
  create: string;
  created: string;
  urlLabel: string;
  copy: string;
  copied: string;
  copyFailed: string;
  openInApp: string;
  active: string | null;
  rotate: string;
  revoke: string;
  secret: string;
  revoked: string;
};

/**
 * The personal iCalendar feed: make a URL (shown once — only its hash is stored), copy it or open it
 * in the phone's calendar app (webcal://), make a new one, or revoke it.
 */
export function FeedPanel({
  active,
  labels,
  createAction,
  revokeAction,
}: {
  active: boolean;
  labels: FeedPanelLabels;
  createAction: FeedAction<{ path: string }>;
  revokeAction: FeedAction<{ revoked: number }>;
}) {
  const [url, setUrl] = useState<string | null>(null);
  const [revoked, setRevoked] = useState(false);
  const [copyState, setCopyState] = useState<"idle" | "copied" | "failed">("idle");
  const input = useRef<HTMLInputElement>(null);
  const onCreated = useCallback((state: ActionState<{ path: string }>) => {
    if (state.status === "ok" && state.data) {
      setUrl(`${window.location.origin}${state.data.path}`);
      setRevoked(false);
      setCopyState("idle");
    }
  }, []);
  const onRevoked = useCallback(() => {
    setUrl(null);
    setRevoked(true);
  }, []);

  async function copy() {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopyState("copied");
    } catch {
      input.current?.select();
      setCopyState("failed");
    }
  }

  const webcal = url?.replace(/^https?:/, "webcal:");
  return (
    <div className="space-y-3">
      {url ? (
        <div className="space-y-3" data-testid="feed-url-panel">
          <Alert tone="success">{labels.created}</Alert>
          <div>
            <label htmlFor="feed-url" className="mb-1 block text-sm font-medium text-slate-800">
              {labels.urlLabel}
            </label>
            <Input
              ref={input}
              id="feed-url"
              readOnly
              value={url}
              onFocus={(e) => e.currentTarget.select()}
              className="font-mono text-xs"
              data-testid="feed-url"
            />
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <Button variant="primary" onClick={copy}>
              {labels.copy}
            </Button>
            <a
              href={webcal}
              className="inline-flex h-11 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 hover:bg-slate-50 sm:h-10"
            >
              {labels.openInApp}
            </a>
            <p role="status" className="min-h-5 text-sm text-slate-700">
              {copyState === "copied" ? labels.copied : copyState === "failed" ? labels.copyFailed : null}
            </p>
          </div>
          <p className="text-sm text-amber-900">{labels.secret}</p>
        </div>
      ) : active ? (
        <p className="text-sm text-slate-700">{labels.active}</p>
      ) : revoked ? (
        <Alert tone="success">{labels.revoked}</Alert>
      ) : (
        <p className="text-sm text-slate-700">{labels.none}</p>
      )}
      <div className="flex flex-wrap gap-2">
        <ActionForm action={createAction} onSuccess={onCreated} className="space-y-2">
          <SubmitButton variant={active || url ? "secondary" : "primary"}>
            {active || url ? labels.rotate : labels.create}
          </SubmitButton>
        </ActionForm>
        {active || url ? (
          <ActionForm action={revokeAction} onSuccess={onRevoked} className="space-y-2">
            <SubmitButton variant="danger">{labels.revoke}</SubmitButton>
          </ActionForm>
        ) : null}
      </div>
    </div>
  );
}
