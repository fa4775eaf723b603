/*
 * The new text of a reply: what the customer typed, without the quoted history their mail
 * client appended. Clients mark quotes in a handful of ways; we cut at the first marker line
 * (attribution lines, Outlook's header block, "-----Original Message-----"), drop ">" lines,
 * the signature after "-- " and the footers mobile clients add. Forwarded mail is kept whole:
 * what was forwarded is the point of forwarding it.
 */

// Lines that start quoted history: everything from here on is the old thread.
const CUT_MARKERS: RegExp[] = [
  /^-{2,}\s*Original Message\s*-{2,}\s*$/i,
  /^(_{20,}|-{20,})\s*$/, // Outlook's rule above the quoted header block (an <hr> in HTML mail)
  /^(From|Von|De|Da):\s.+$/i, // only counts when a Sent/Date line follows (checked below)
];

// Attribution lines ("On Mon, 3 Nov 2026 at 10:00, Ann <ann@x.com> wrote:"), which clients
// wrap over two or three lines; matched on the joined text.
const ATTRIBUTION =
  /^(On\s[\s\S]{1,300}?\swrote:|Am\s[\s\S]{1,300}?\sschrieb[\s\S]{0,40}?:|Le\s[\s\S]{1,300}?\sa\s+écrit\s*:|El\s[\s\S]{1,300}?\sescribió:|Op\s[\s\S]{1,300}?\sschreef[\s\S]{0,40}?:)[ \t]*$/m;

const FOOTERS: RegExp[] = [
  /^Sent from my (iPhone|iPad|Android|BlackBerry|Galaxy|mobile device|phone)\b.*$/i,
  /^Sent from (Mail|Outlook|Yahoo Mail|Gmail|Proton Mail|ProtonMail)\b.*$/i,
  /^Get Outlook for (iOS|Android)\b.*$/i,
  /^Von meinem (iPhone|iPad|Smartphone) gesendet\b.*$/i,
  /^Envoyé de mon (iPhone|iPad)\b.*$/i,
  /^Sent via .+$/i,
];

const FORWARD = /^-{5,}\s*Forwarded message\s*-{5,}\s*$|^Begin forwarded message:\s*$/im;

function cutAt(text: string, index: number): string {
  return index >= 0 ? text.slice(0, index) : text;
}

export function extractReply(input: string): string {
  let text = input.replace(/\r\n?/g, "\n").replace(/\u00a0/g, " ");
  const fwd = FORWARD.exec(text);
  const keepFrom = fwd ? fwd.index : text.length;
  // Quote markers only count before a forwarded message starts.
  const head = text.slice(0, keepFrom);
  const tail = text.slice(keepFrom);

  let cut = head.length;
  const attribution = ATTRIBUTION.exec(head);
  if (attribution) cut = Math.min(cut, attribution.index);
  const lines = head.split("\n");
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    const isHeaderBlock =
      CUT_MARKERS[2].test(line) && /^(Sent|Date|Gesendet|Envoyé|Datum|Enviado|Inviato):\s/i.test((lines[i + 1] ?? "").trim());
    if (CUT_MARKERS[0].test(line) || CUT_MARKERS[1].test(line) || isHeaderBlock) {
      cut = Math.min(cut, offset);
      break;
    }
    offset += lines[i].length + 1;
  }
  text = cutAt(head, cut);

  const kept: string[] = [];
  for (const line of text.split("\n")) {
    // The signature separator is "-- " by convention; clients that trim spaces leave "--".
    if (line === "-- " || line === "--") break;
    if (/^\s*>/.test(line)) continue;
    if (FOOTERS.some((f) => f.test(line.trim()))) continue;
    kept.push(line.replace(/[ \t]+$/, ""));
  }
  const out = (kept.join("\n") + (cut === head.length ? tail : "")).replace(/\n{3,}/g, "\n\n").trim();
  return out;
}
