"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionState } from "@/lib/actions/types";
import { Button } from "@/components/ui/button";

/** Delete or restore one questionnaire (soft): a button, its error beside it. */
export function TemplateRowAction({
  id,
  version,
  action,
  label,
}: {
  id: string;
  version: number;
  action: (input: { id: string; version: number }) => Promise<ActionState<unknown>>;
  label: string;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        type="button"
        size="sm"
        variant="secondary"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await action({ id, version });
            if (result.status === "error") setError(result.message);
            else router.refresh();
          })
        }
      >
        {label}
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}
