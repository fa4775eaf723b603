import { Text } from "@react-email/components";
import type { AccountMailProps } from "@/lib/notifications/account-mail";
import { AccountEmail, PREVIEW } from "./components/account-email";
import { paragraph } from "./components/email-layout";

/** From the profile page: confirm the new address before the account moves to it. */
export const subject = (p: AccountMailProps) => `Confirm your new email address for ${p.productName}`;

export default function AccountChangeEmail(p: AccountMailProps) {
  return (
    <AccountEmail p={p} preview="Confirm the address to move your account to it." heading="Confirm your new email address" action="Use this address"
      why={`You are receiving this because someone asked to move a ${p.productName} account to this address. If it was not you, ignore this email: nothing changes.`}>
      <Text style={paragraph}>You asked to change the email address of your account. Your account moves to this address once you confirm it; until then you keep signing in with the old one.</Text>
    </AccountEmail>
  );
}
AccountChangeEmail.PreviewProps = PREVIEW;
