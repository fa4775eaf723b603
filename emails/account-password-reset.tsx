import { Text } from "@react-email/components";
import type { AccountMailProps } from "@/lib/notifications/account-mail";
import { AccountEmail, PREVIEW } from "./components/account-email";
import { paragraph } from "./components/email-layout";

/** Forgot password: a link to choose a new one. */
export const subject = (p: AccountMailProps) => `Reset your ${p.productName} password`;

export default function AccountPasswordReset(p: AccountMailProps) {
  return (
    <AccountEmail p={p} preview="Choose a new password." heading="Reset your password" action="Choose a new password"
      why="You are receiving this because a password reset was asked for this address.">
      <Text style={paragraph}>Use the button below to choose a new password. Once you do, you are signed out everywhere else, and apps using your old sign-in have to sign in again.</Text>
    </AccountEmail>
  );
}
AccountPasswordReset.PreviewProps = { ...PREVIEW, url: "http://localhost:3000/reset-password/?token=preview-token-0123456789", expiresInMinutes: 60 };
