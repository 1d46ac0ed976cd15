"use client";

import { useId, useState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { MAX_PHOTOS } from "@/lib/domain/visit-records";
import { shrinkPhoto, type ShrunkPhoto } from "@/components/visits/photo-resize";
import { Button } from "@/components/ui/button";

/** Up to three photos, shrunk in the browser as they are chosen (the originals never leave the phone). */
export function PhotoPicker({
  photos,
  onChange,
}: {
  photos: ShrunkPhoto[];
  onChange: (p: ShrunkPhoto[]) => void;
}) {
  const t = useTranslations("visits.photos");
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  async function add(files: FileList | null) {
    if (!files?.length) return;
    setBusy(true);
    setFailed(false);
    const next = [...photos];
    for (const file of Array.from(files).slice(0, MAX_PHOTOS - photos.length)) {
      try {
        next.push(await shrinkPhoto(file));
      } catch {
        setFailed(true);
      }
    }
    onChange(next);
    setBusy(false);
  }

  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800">
        {t("label", { max: MAX_PHOTOS })}
      </label>
      {photos.length < MAX_PHOTOS ? (
        <input
          id={id}
          type="file"
          accept="image/jpeg,image/png,image/webp"
          multiple
          disabled={busy}
          onChange={(e) => {
            void add(e.currentTarget.files);
            e.currentTarget.value = "";
          }}
          className="block min-h-11 w-full text-sm text-slate-700 file:mr-3 file:min-h-11 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:text-sm file:font-medium"
        />
      ) : null}
      {busy ? <p className="mt-1 text-sm text-slate-600">{t("shrinking")}</p> : null}
      {failed ? <p className="mt-1 text-sm text-red-700">{t("unreadable")}</p> : null}
      {photos.length ? (
        <ul className="mt-2 flex flex-wrap gap-2">
          {photos.map((p, i) => (
            <li key={i} className="flex flex-col items-center gap-1">
              {/* eslint-disable-next-line @next/next/no-img-element -- a local data: URL preview */}
              <img src={p.data} alt={t("preview", { n: i + 1 })} className="h-20 w-20 rounded object-cover" />
              <Button variant="ghost" size="sm" onClick={() => onChange(photos.filter((_, j) => j !== i))}>
                {t("remove")}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
