import { Text } from "@react-email/components";
import type { ReactNode } from "react";
import type { AccountMailProps } from "@/lib/notifications/account-mail";
import { EmailLayout, firstName, footerText, paragraph } from "./email-layout";

/** The frame of the account emails (verify, reset, sign-in link, already registered). */
export function AccountEmail(props: { p: AccountMailProps; preview: string; heading: string; action: string; children: ReactNode; why: string }) {
  const { p } = props;
  return (
    <EmailLayout
      preview={props.preview}
      productName={p.productName}
      heading={props.heading}
      action={{ label: props.action, href: p.url }}
      footer={
        <Text style={footerText}>
          {props.why} If it wasn&apos;t you, ignore this email: nothing changes without the link.
        </Text>
      }
    >
      <Text style={paragraph}>Hi {firstName(p.recipientName) || "there"},</Text>
      {props.children}
      {p.expiresInMinutes ? <Text style={paragraph}>The link works once, for {duration(p.expiresInMinutes)}.</Text> : null}
    </EmailLayout>
  );
}

export function duration(minutes: number): string {
  if (minutes % 1440 === 0) {
    const d = minutes / 1440;
    return `${d} day${d === 1 ? "" : "s"}`;
  }
  if (minutes % 60 === 0) {
    const h = minutes / 60;
    return `${h} hour${h === 1 ? "" : "s"}`;
  }
  return `${minutes} minutes`;
}

export const PREVIEW: AccountMailProps = {
  productName: "Caseflow",
  recipientName: "Dana Whitfield",
  url: "http://localhost:3000/verify-email/?token=preview-token-0123456789",
  expiresInMinutes: 1440,
  signInUrl: "http://localhost:3000/signin/",
  invitedBy: "",
};
