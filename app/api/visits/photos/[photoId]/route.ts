import { routeHandler } from "@/lib/actions/route";
import { getVisitPhoto } from "@/lib/data/visits/photos";
import { notFound } from "@/lib/errors";

// A visit record's photo, only for people who may see the record and its account (anyone else: 404,
// as if it did not exist). The stored type was sniffed from the bytes on upload; nosniff and a
// sandboxing CSP keep the browser from reading it as anything else. Private: never in a shared cache.

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ photoId: string }> };

export async function GET(request: Request, { params }: Params): Promise<Response> {
  const { photoId } = await params;
  return routeHandler(async (_request, { viewer }) => {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(photoId)) throw notFound("photo");
    const photo = await getVisitPhoto(viewer, photoId);
    return new Response(new Uint8Array(photo.bytes), {
      headers: {
        "Content-Type": photo.mimeType,
        "Content-Length": String(photo.bytes.length),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "Content-Disposition": "inline",
        // A photo never changes under its id; private, so no shared cache keeps it.
        "Cache-Control": "private, max-age=3600",
      },
    });
  })(request);
}
