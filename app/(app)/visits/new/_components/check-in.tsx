"use client";

import { useState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { distanceMetres, type Coordinates } from "@/lib/domain/visit-records";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";

export type CheckIn = Coordinates & { accuracy: number; at: number };

/**
 * 签到: the browser's location is asked for only when the person presses the button (the browser
 * asks for consent then), never at any other time. Shows the distance to the account's saved
 * location and a warning beyond the admin's radius; an account with no location can take this one.
 */
export function CheckInPanel({
  accountLocation,
  mayEditAccount,
  radiusM,
  value,
  onChange,
}: {
  accountLocation: Coordinates | null;
  mayEditAccount: boolean;
  radiusM: number;
  value: CheckIn | null;
  onChange: (value: CheckIn | null) => void;
}) {
  const t = useTranslations("visits.checkIn");
  const [state, setState] = useState<"idle" | "asking" | "denied" | "unavailable">("idle");

  function checkIn() {
    if (!("geolocation" in navigator)) return setState("unavailable");
    setState("asking");
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setState("idle");
        onChange({
          latitude: p.coords.latitude,
          longitude: p.coords.longitude,
          accuracy: p.coords.accuracy,
          at: p.timestamp || Date.now(),
        });
      },
      (e) => setState(e.code === e.PERMISSION_DENIED ? "denied" : "unavailable"),
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  }

  const distance = value && accountLocation ? distanceMetres(value, accountLocation) : null;
  return (
    <fieldset className="space-y-2">
      <legend className="mb-1 text-sm font-medium text-slate-800">{t("title")}</legend>
      <p className="text-xs text-slate-600">{t("consent")}</p>
      {value ? (
        <div className="space-y-2">
          <p className="text-sm text-slate-800" data-testid="check-in-result">
            {distance === null
              ? t("doneNoAccountLocation")
              : t("distance", { metres: distance, accuracy: Math.round(value.accuracy) })}
          </p>
          {distance !== null && distance > radiusM ? (
            <Alert tone="error">{t("far", { radius: radiusM })}</Alert>
          ) : null}
          {!accountLocation && mayEditAccount ? (
            <label className="flex min-h-11 items-center gap-2 text-sm text-slate-800">
              <input type="checkbox" name="saveAccountLocation" className="h-5 w-5" />
              {t("saveAsAccountLocation")}
            </label>
          ) : null}
          <Button variant="ghost" size="sm" onClick={() => onChange(null)}>
            {t("remove")}
          </Button>
        </div>
      ) : (
        <Button
          variant="secondary"
          onClick={checkIn}
          disabled={state === "asking"}
          aria-busy={state === "asking" || undefined}
        >
          {state === "asking" ? t("asking") : t("button")}
        </Button>
      )}
      {state === "denied" ? <p className="text-sm text-red-700">{t("denied")}</p> : null}
      {state === "unavailable" ? <p className="text-sm text-red-700">{t("unavailable")}</p> : null}
    </fieldset>
  );
}
