"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionState } from "@/lib/actions/types";
import { Button } from "@/components/ui/button";

/** Revokes one personal link after a confirmation; the page re-renders with the link marked revoked. */
export function RevokeLinkButton({
  id,
  action,
  labels,
}: {
  id: string;
  action: (input: { id: string }) => Promise<ActionState<unknown>>;
  labels: { revoke: string; confirm: string; failed: string };
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        type="button"
        variant="secondary"
        size="sm"
        disabled={pending}
        onClick={() => {
          if (!window.confirm(labels.confirm)) return;
          start(async () => {
            const result = await action({ id });
            if (result.status === "error") setError(result.message || labels.failed);
            else router.refresh();
          });
        }}
      >
        {labels.revoke}
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}
