import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import { Fragment, type ReactNode } from "react";

/*
 * The frame every Caseflow email shares: product header, a card with the ticket, one clear
 * call to action, and a quiet footer. Inline styles only: mail clients ignore <style> blocks
 * more often than not, and tables/inline styles are what react-email's components emit.
 */

export const BRAND = "#1f5ad6";
const FONT = '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export function EmailLayout(props: {
  preview: string;
  productName: string;
  /** Ticket emails show the request number above the heading; account emails have none. */
  ticketNumber?: string;
  statusLabel?: string;
  heading: string;
  children: ReactNode;
  action: { label: string; href: string };
  footer: ReactNode;
}) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={{ backgroundColor: "#f3f4f6", margin: 0, padding: "24px 0", fontFamily: FONT, color: "#111827" }}>
        <Container style={{ maxWidth: "600px", width: "100%", margin: "0 auto", padding: "0 12px" }}>
          <Section style={{ padding: "4px 4px 16px" }}>
            <Text style={{ margin: 0, fontSize: "18px", fontWeight: 700, color: "#111827", lineHeight: "28px" }}>
              <span
                className="cf-logo"
                style={{
                  display: "inline-block",
                  width: "28px",
                  height: "28px",
                  lineHeight: "28px",
                  borderRadius: "6px",
                  backgroundColor: BRAND,
                  color: "#ffffff",
                  textAlign: "center",
                  fontSize: "16px",
                  marginRight: "10px",
                  verticalAlign: "middle",
                }}
              >
                {props.productName.slice(0, 1).toUpperCase()}
              </span>
              <span style={{ verticalAlign: "middle" }}>{props.productName}</span>
            </Text>
          </Section>
          <Section
            style={{
              backgroundColor: "#ffffff",
              border: "1px solid #e5e7eb",
              borderRadius: "10px",
              padding: "28px 28px 24px",
            }}
          >
            {props.ticketNumber ? (
            <Text style={{ margin: "0 0 6px", fontSize: "13px", color: "#6b7280", letterSpacing: "0.02em" }}>
              Request <strong style={{ color: "#374151" }}>{props.ticketNumber}</strong>
              {props.statusLabel ? (
                <span className="cf-sep"> · </span>
              ) : null}
              {props.statusLabel ? (
                <span
                  style={{
                    display: "inline-block",
                    whiteSpace: "nowrap",
                    padding: "2px 8px",
                    borderRadius: "999px",
                    backgroundColor: "#eef2ff",
                    color: "#3730a3",
                    fontSize: "12px",
                    fontWeight: 600,
                  }}
                >
                  {props.statusLabel}
                </span>
              ) : null}
            </Text>
            ) : null}
            <Heading as="h1" style={{ margin: "0 0 16px", fontSize: "22px", lineHeight: "30px", fontWeight: 700, color: "#111827" }}>
              {props.heading}
            </Heading>
            {props.children}
            <Section style={{ padding: "12px 0 4px" }}>
              <Button
                href={props.action.href}
                style={{
                  backgroundColor: BRAND,
                  color: "#ffffff",
                  borderRadius: "6px",
                  padding: "12px 20px",
                  fontSize: "15px",
                  fontWeight: 600,
                  textDecoration: "none",
                  display: "inline-block",
                }}
              >
                {props.action.label}
              </Button>
            </Section>
            <Text className="cf-fallback" style={{ margin: "16px 0 0", fontSize: "13px", lineHeight: "20px", color: "#6b7280" }}>
              Button not working? Open this link:{" "}
              <Link href={props.action.href} style={{ color: BRAND, wordBreak: "break-all" }}>
                {props.action.href}
              </Link>
            </Text>
          </Section>
          <Hr style={{ border: "none", margin: "8px 0" }} />
          <Section style={{ padding: "0 8px" }}>{props.footer}</Section>
        </Container>
      </Body>
    </Html>
  );
}

export const paragraph = { margin: "0 0 16px", fontSize: "15px", lineHeight: "24px", color: "#374151" } as const;
export const footerText = { margin: "0 0 8px", fontSize: "12px", lineHeight: "18px", color: "#6b7280", textAlign: "center" as const };

const dateFmt = new Intl.DateTimeFormat("en-US", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/** Deterministic (UTC) so a retried render is byte-identical: Resend's idempotency compares bodies. */
export function formatWhen(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "" : `${dateFmt.format(d)} UTC`;
}

/** Line breaks as <br>: plain-text conversion ignores CSS white-space, and so do some clients. */
function lines(body: string) {
  return body.split(/\r?\n/).map((line, i) => (
    <Fragment key={i}>
      {i > 0 ? <br /> : null}
      {line}
    </Fragment>
  ));
}

/** The message as a quoted block: who, when, and the text with its line breaks kept. */
export function QuotedMessage(props: { authorName: string; createdAt: string; body: string; attachments?: string[] }) {
  const files = props.attachments ?? [];
  return (
    <Section
      style={{
        borderLeft: `3px solid ${BRAND}`,
        backgroundColor: "#f8fafc",
        borderRadius: "0 6px 6px 0",
        padding: "14px 18px",
        margin: "0 0 20px",
      }}
    >
      <Text style={{ margin: "0 0 8px", fontSize: "13px", color: "#6b7280" }}>
        <strong style={{ color: "#111827" }}>{props.authorName}</strong> · {formatWhen(props.createdAt)}
      </Text>
      {/* A real blockquote, so the plain-text part quotes it with "> " the way mail readers expect. */}
      <blockquote style={{ margin: 0, padding: 0 }}>
        {props.body ? (
          <Text style={{ margin: 0, fontSize: "15px", lineHeight: "24px", color: "#1f2937", wordBreak: "break-word" }}>
            {lines(props.body)}
          </Text>
        ) : null}
        {files.length ? (
          <Text style={{ margin: "10px 0 0", fontSize: "13px", color: "#4b5563" }}>
            {files.length === 1 ? "Attachment" : `${files.length} attachments`}: {files.join(", ")}
          </Text>
        ) : null}
      </blockquote>
    </Section>
  );
}

export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] || name;
}
