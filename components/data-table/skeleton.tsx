/** A placeholder table while a list loads (server or client; no JavaScript of its own). */
export function DataTableSkeleton({
  columns = 6,
  rows = 8,
  label,
}: {
  columns?: number;
  rows?: number;
  label: string;
}) {
  return (
    <div role="status" aria-live="polite" className="overflow-hidden">
      <span className="sr-only">{label}</span>
      <div aria-hidden="true" className="divide-y divide-slate-100">
        <div className="flex gap-4 bg-slate-50 px-3 py-3">
          {Array.from({ length: columns }, (_, i) => (
            <div key={i} className="h-3 flex-1 rounded bg-slate-200" />
          ))}
        </div>
        {Array.from({ length: rows }, (_, r) => (
          <div key={r} className="flex animate-pulse gap-4 px-3 py-3">
            {Array.from({ length: columns }, (_, i) => (
              <div key={i} className={`h-3 flex-1 rounded bg-slate-100 ${i === 0 ? "max-w-64" : ""}`} />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
