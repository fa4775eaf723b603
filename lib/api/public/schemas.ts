import { z } from "zod";

/** The public ticket form on the wire (POST /api/v1/public/tickets/). */
const blank = { error: "This field may not be blank." };
const max = (n: number) => ({ error: `Ensure this field has no more than ${n} characters.` });

export const PUBLIC_TICKET_ANSWER =
  "Thank you: your request has been received. We will reply by email. Sign up with the same address to follow it online.";

export const publicTicketSchema = z
  .object({
    name: z.string({ error: "Not a valid string." }).trim().min(1, blank).max(200, max(200)),
    email: z.string({ error: "Not a valid string." }).trim().min(1, blank).max(254, max(254)).pipe(z.email({ error: "Enter a valid email address." })),
    subject: z.string({ error: "Not a valid string." }).trim().min(1, blank).max(200, max(200)),
    description: z.string({ error: "Not a valid string." }).trim().min(1, blank).max(20_000, max(20000)),
    website: z
      .string({ error: "Not a valid string." })
      .max(500, max(500))
      .optional()
      .meta({ description: "Honeypot: leave empty. Forms hide it from people; a submission that fills it is answered the same but opens nothing." }),
  })
  .meta({ id: "PublicTicketRequest" });

export const publicTicketOut = z
  .object({ detail: z.string(), signup_url: z.string().meta({ description: "Where to sign up with the same address to see the ticket." }) })
  .meta({ id: "PublicTicketAccepted" });
