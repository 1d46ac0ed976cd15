import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { scopeWhere } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import type { CreateVisitRecordInput } from "@/lib/validation/visit-records";

// A record's photos (up to three), kept as bytes in the database and served only to people who may
// see both the record and its account (app/api/visits/photos/[photoId]).

export async function insertPhotos(tx: Tx, recordId: string, photos: CreateVisitRecordInput["photos"]) {
  if (!photos.length) return;
  await tx.visitPhoto.createMany({
    data: photos.map((p) => ({
      recordId,
      mimeType: p.mimeType,
      bytes: Buffer.from(p.bytes),
      width: p.width,
      height: p.height,
    })),
  });
}

/** A photo's bytes, or NOT_FOUND when the viewer may not see its record or its account. */
export async function getVisitPhoto(viewer: Viewer, photoId: string) {
  const photo = await db.visitPhoto.findFirst({
    where: {
      id: photoId,
      deletedAt: null,
      record: { ...scopeWhere(viewer), account: scopeWhere(viewer) },
    },
    select: { id: true, mimeType: true, bytes: true },
  });
  if (!photo) throw notFound("photo");
  return photo;
}
