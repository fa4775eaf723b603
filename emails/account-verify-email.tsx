import { Text } from "@react-email/components";
import type { AccountMailProps } from "@/lib/notifications/account-mail";
import { AccountEmail, PREVIEW } from "./components/account-email";
import { paragraph } from "./components/email-layout";

/** After sign-up: confirm the address to activate the account. */
export const subject = (p: AccountMailProps) => `Confirm your email address for ${p.productName}`;

export default function AccountVerifyEmail(p: AccountMailProps) {
  return (
    <AccountEmail p={p} preview="One click to finish signing up." heading="Confirm your email address" action="Confirm my email"
      why={`You are receiving this because someone signed up for ${p.productName} support with this address.`}>
      <Text style={paragraph}>Thanks for signing up. Confirm that this is your address and your account is ready: you can then sign in, open requests and follow the ones you already sent us.</Text>
    </AccountEmail>
  );
}
AccountVerifyEmail.PreviewProps = PREVIEW;
