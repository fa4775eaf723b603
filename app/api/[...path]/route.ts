import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

// Unknown API paths answer in the API's own error shape instead of the HTML 404 page.
const notFound = async () => NextResponse.json({ detail: "Not found." }, { status: 404 });

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
