// Photos are shrunk in the browser before they are sent or queued: a phone's 4,000 px, 4 MB photo
// becomes a ~1280 px JPEG of 100–300 kB, which a weak network can carry and the database can keep.

export const PHOTO_MAX_SIDE = 1280;
const QUALITY = 0.8;

export type ShrunkPhoto = { data: string; width: number; height: number };

/** The photo as a JPEG data: URL no larger than PHOTO_MAX_SIDE on its longer side. */
export async function shrinkPhoto(file: File): Promise<ShrunkPhoto> {
  const bitmap = await createImageBitmap(file);
  try {
    const scale = Math.min(1, PHOTO_MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = document.createElement("canvas");
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext("2d");
    if (!context) throw new Error("no canvas");
    // JPEG has no transparency: a white ground instead of black for PNG screenshots.
    context.fillStyle = "#fff";
    context.fillRect(0, 0, width, height);
    context.drawImage(bitmap, 0, 0, width, height);
    return { data: canvas.toDataURL("image/jpeg", QUALITY), width, height };
  } finally {
    bitmap.close();
  }
}
