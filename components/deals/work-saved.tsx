"use client";

import { createContext, useContext, useEffect, useRef } from "react";
import { useFormState } from "@/components/forms/action-form";

/**
 * What a panel around the stage-work forms does when one of them is saved (the board's panel loads
 * the deal again, re-checks the gate and lets the move go through). Absent on the deal page.
 */
export const WorkSavedContext = createContext<(() => void) | null>(null);

/** Inside a stage-work ActionForm: tells the surrounding panel, if any, once per save. */
export function WorkSaved() {
  const state = useFormState();
  const onSaved = useContext(WorkSavedContext);
  const seen = useRef(0);
  useEffect(() => {
    if (state.status === "ok" && state.at !== seen.current) {
      seen.current = state.at;
      onSaved?.();
    }
  }, [state, onSaved]);
  return null;
}
