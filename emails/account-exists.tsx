import { Link, Text } from "@react-email/components";
import type { AccountMailProps } from "@/lib/notifications/account-mail";
import { AccountEmail, PREVIEW } from "./components/account-email";
import { BRAND, paragraph } from "./components/email-layout";

/** Someone signed up with an address that already has an account: tell its owner, nobody else. */
export const subject = (p: AccountMailProps) => `You already have a ${p.productName} account`;

export default function AccountExists(p: AccountMailProps) {
  return (
    <AccountEmail p={p} preview="Someone tried to sign up with your address." heading="You already have an account" action="Reset my password"
      why={`You are receiving this because someone tried to sign up for ${p.productName} support with this address.`}>
      <Text style={paragraph}>
        Someone (probably you) tried to sign up with this email address, but it already has an account. You can{" "}
        <Link href={p.signInUrl} style={{ color: BRAND }}>sign in</Link> as usual, or reset your password if you forgot it.
      </Text>
    </AccountEmail>
  );
}
AccountExists.PreviewProps = { ...PREVIEW, url: "http://localhost:3000/forgot-password/", expiresInMinutes: 0 };
