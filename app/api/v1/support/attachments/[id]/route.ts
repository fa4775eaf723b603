import { api, methodNotAllowed } from "@/lib/api/handler";
import { requireActor } from "@/lib/auth/request-actor";
import { getAttachmentContent } from "@/lib/domain/attachments/get-attachment";
import { pathId } from "@/lib/api/path-id";

export const dynamic = "force-dynamic";

/**
 * Downloads an attachment under the same visibility as its ticket. Always served as a
 * download with nosniff and a sandboxing CSP, so an uploaded file can never run as a page
 * of ours.
 */
export const GET = api<{ id: string }>(async (req, { id }) => {
  const actor = await requireActor(req);
  const a = await getAttachmentContent(actor, pathId(id));
  const inline = req.nextUrl.searchParams.get("inline") === "1" && a.contentType.startsWith("image/");
  return new Response(new Uint8Array(a.content), {
    headers: {
      "Content-Type": a.contentType,
      "Content-Length": String(a.size),
      "Content-Disposition": `${inline ? "inline" : "attachment"}; filename="${a.name.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(a.name)}`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, max-age=0, must-revalidate",
      ETag: `"${a.sha256.slice(0, 32)}"`,
    },
  });
});

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
