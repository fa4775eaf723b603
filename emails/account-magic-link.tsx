import { Text } from "@react-email/components";
import type { AccountMailProps } from "@/lib/notifications/account-mail";
import { AccountEmail, PREVIEW } from "./components/account-email";
import { paragraph } from "./components/email-layout";

/** "Email me a sign-in link". */
export const subject = (p: AccountMailProps) => `Your ${p.productName} sign-in link`;

export default function AccountMagicLink(p: AccountMailProps) {
  return (
    <AccountEmail p={p} preview="Sign in without a password." heading="Sign in to your account" action="Sign in"
      why="You are receiving this because a sign-in link was asked for this address.">
      <Text style={paragraph}>Here is the sign-in link you asked for. It works in any browser.</Text>
    </AccountEmail>
  );
}
AccountMagicLink.PreviewProps = { ...PREVIEW, url: "http://localhost:3000/magic-link/?token=preview-token-0123456789", expiresInMinutes: 15 };
