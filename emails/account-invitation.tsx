import { Text } from "@react-email/components";
import type { AccountMailProps } from "@/lib/notifications/account-mail";
import { AccountEmail, PREVIEW } from "./components/account-email";
import { paragraph } from "./components/email-layout";

/** An admin invited this address to join the team: set a name and password to start. */
export const subject = (p: AccountMailProps) => `You are invited to join ${p.productName}`;

export default function AccountInvitation(p: AccountMailProps) {
  const who = p.invitedBy || "An administrator";
  return (
    <AccountEmail p={p} preview={`${who} invited you to ${p.productName}.`} heading={`Join ${p.productName}`} action="Accept the invitation"
      why={`You are receiving this because ${who} invited this address to the ${p.productName} help desk.`}>
      <Text style={paragraph}>{who} invited you to work on the {p.productName} help desk. Open the link to choose your name and a password; you can sign in right after.</Text>
    </AccountEmail>
  );
}
AccountInvitation.PreviewProps = { ...PREVIEW, recipientName: "", invitedBy: "Ada Admin", url: "http://localhost:3000/accept-invitation/?token=preview-token-0123456789", expiresInMinutes: 10080 };
