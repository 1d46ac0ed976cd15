import type { HTMLAttributes, ReactNode } from "react";
import { cn } from "./cn";

export function Card({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return (
    <div className={cn("rounded-lg border border-slate-200 bg-white shadow-sm", className)} {...props} />
  );
}

export function CardHeader({ title, action, id }: { title: ReactNode; action?: ReactNode; id?: string }) {
  return (
    <div className="flex items-center justify-between gap-3 border-b border-slate-200 px-4 py-3">
      <h2 id={id} className="text-base font-semibold text-slate-900">
        {title}
      </h2>
      {action}
    </div>
  );
}

export function Stat({ label, value, href }: { label: string; value: ReactNode; href?: string }) {
  const body = (
    <>
      <div className="text-xs text-slate-600 sm:text-sm">{label}</div>
      <div className="mt-1 text-xl font-semibold tabular-nums text-slate-900 sm:text-2xl">{value}</div>
    </>
  );
  return (
    <Card className="p-3 sm:p-4">
      {href ? (
        <a href={href} className="block rounded focus-visible:outline-2 focus-visible:outline-indigo-600">
          {body}
        </a>
      ) : (
        body
      )}
    </Card>
  );
}
