import { cn } from "./cn";

/** The look of every form control (input, select, textarea); red border when invalid. */
export const controlClass = (invalid?: boolean) =>
  cn(
    "block w-full rounded-md border bg-white px-3 py-2 text-sm text-slate-900 shadow-sm",
    "placeholder:text-slate-500 focus:outline-2 focus:outline-offset-0 focus:outline-indigo-600",
    "disabled:bg-slate-100 disabled:text-slate-500",
    invalid ? "border-red-600" : "border-slate-300",
  );
