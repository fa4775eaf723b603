import { NextResponse } from "next/server";
import { api } from "@/lib/api/handler";

export const dynamic = "force-dynamic";

// Unknown API paths answer in the API's own error shape instead of the HTML 404 page, and
// count against the rate limits like any other request.
const notFound = api<{ path: string[] }>(async () => NextResponse.json({ detail: "Not found." }, { status: 404 }));

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
