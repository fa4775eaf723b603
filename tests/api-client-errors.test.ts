import { describe, expect, it } from "vitest";
import { errorResponse } from "@/lib/api/errors";
import { ApiError, formErrors, NETWORK_MESSAGE, STALE_MESSAGE } from "@/lib/api-client/errors";
import { NotAuthenticatedError, PayloadTooLargeError, PreconditionFailedError, UnsupportedMediaTypeError, ValidationError } from "@/lib/domain/errors";
import { ticketCreateSchema } from "@/lib/api/support/schemas";

/** What a form shows for a thrown error: the API's response, through the one form mapping. */
async function viaApiMapping(e: unknown) {
  const res = errorResponse(e);
  return formErrors(res.status, await res.json());
}

describe("the one API error → form mapping", () => {
  it.each([
    ["a DRF validation body, field by field", 400, { subject: ["This field may not be blank."], non_field_errors: ["x"] }, { subject: ["This field may not be blank."], non_field_errors: ["x"] }],
    ["a detail, as a message about the whole form", 403, { detail: "Not allowed." }, { non_field_errors: ["Not allowed."] }],
    ["a stale conditional update, in words for people", 412, { detail: "Precondition failed." }, { non_field_errors: [STALE_MESSAGE] }],
    ["a too-large upload, beside the file picker", 413, { detail: "Too big." }, { files: ["Too big."] }],
    ["a refused file type, beside the file picker", 415, { detail: "Bad type." }, { files: ["Bad type."] }],
    ["no answer at all", 0, null, { non_field_errors: [NETWORK_MESSAGE] }],
    ["a body that is not DRF-shaped", 502, "<html>", { non_field_errors: ["Request failed (502)."] }],
  ])("maps %s", (_name, status, body, expected) => {
    expect(formErrors(status, body)).toEqual(expected);
    expect(new ApiError(status, body).message).toBe(Object.values(expected).flat()[0]);
  });

  it("gives a server action the API's own messages: an invalid id reads like the API's", async () => {
    const zod = ticketCreateSchema.safeParse({ subject: "x", order: "nope" });
    expect(await viaApiMapping(zod.error)).toEqual({ order: ['"nope" is not a valid UUID.'] });
    expect(await viaApiMapping(ValidationError.field("files", "Unsupported file type."))).toEqual({ files: ["Unsupported file type."] });
    expect(await viaApiMapping(new PayloadTooLargeError("a.png is larger than 10 MB."))).toEqual({ files: ["a.png is larger than 10 MB."] });
    expect(await viaApiMapping(new UnsupportedMediaTypeError("No."))).toEqual({ files: ["No."] });
    expect(await viaApiMapping(new PreconditionFailedError())).toEqual({ non_field_errors: [STALE_MESSAGE] });
    expect(await viaApiMapping(new NotAuthenticatedError())).toEqual({ non_field_errors: ["Authentication credentials were not provided."] });
  });
});
