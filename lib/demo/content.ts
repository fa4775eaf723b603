/**
 * Text of the demo desk: a small online store ("Northwind Home & Kitchen") with the kinds of
 * conversations a support team has every day. Placeholders: {order} {product} {first} {agent}.
 */
export const DEMO_PASSWORD = "caseflow-demo";

export const TEAMS = ["Support", "Tech", "Finance", "Sales"] as const;

export interface DemoAgent {
  email: string;
  name: string;
  role: "customer_service" | "sales_manager" | "admin" | "super_admin";
  team: (typeof TEAMS)[number];
  isStaff?: boolean;
}

export const AGENTS: DemoAgent[] = [
  { email: "agent@caseflow.test", name: "Alex Rivera", role: "customer_service", team: "Support" },
  { email: "priya@caseflow.test", name: "Priya Natarajan", role: "customer_service", team: "Tech" },
  { email: "marco@caseflow.test", name: "Marco Bianchi", role: "sales_manager", team: "Sales" },
  { email: "admin@caseflow.test", name: "Dana Okafor", role: "admin", team: "Finance" },
  { email: "owner@caseflow.test", name: "Sam Lindqvist", role: "super_admin", team: "Support", isStaff: true },
];

export const DEMO_CUSTOMER = { email: "customer@caseflow.test", name: "Jamie Chen" };

export const CUSTOMER_NAMES = [
  "Olivia Martin", "Noah Schmidt", "Emma Dubois", "Liam O'Connor", "Ava Rossi", "Lucas Silva",
  "Mia Kowalski", "Ethan Park", "Sofia Garcia", "Mateo Fernandez", "Isla Murphy", "Leo Novak",
  "Chloe Bernard", "Hugo Jansen", "Amelia Wright", "Oscar Nilsson", "Grace Kim", "Felix Wagner",
  "Zoe Papadopoulos", "Arjun Mehta", "Hannah Cohen", "Daniel Moreau", "Yuki Tanaka", "Nora Haddad",
  "Samuel Adeyemi", "Lena Fischer", "Ruby Thompson", "Elias Berg", "Maya Singh",
];

/** CRM contacts with no portal account (phone and email leads). */
export const LEAD_NAMES = ["Peter Vogel", "Irene Castillo", "Tom Hughes", "Keiko Sato", "Carlos Mendes", "Fatima Zahra"];

export const COMPANIES = [
  "Bluebird Cafe Group", "Harbor Hotels Ltd", "Greenleaf Catering", "Summit Offices Inc",
  "Copperpot Bistro", "Lakeside Co-working",
];

export const PRODUCTS = [
  "Aero blender", "cast-iron skillet", "espresso machine", "knife set", "stand mixer",
  "air fryer", "coffee grinder", "dutch oven", "kettle", "toaster", "food processor", "water filter",
];

export type Category = "shipping" | "billing" | "technical" | "account" | "sales" | "general";

export interface Template {
  category: Category;
  subjects: string[];
  openings: string[];
  agent: string[];
  customer: string[];
  notes: string[];
  usesOrder?: boolean;
}

export const TEMPLATES: Template[] = [
  {
    category: "shipping",
    usesOrder: true,
    subjects: [
      "Where is my order {order}?", "Order {order} shows delivered but nothing arrived",
      "Tracking for {order} has not updated in 5 days", "Wrong item in my package ({order})",
      "Can I change the delivery address for {order}?", "{product} arrived damaged",
    ],
    openings: [
      "Hi, I ordered a {product} last week (order {order}) and the tracking page has not moved since it left the warehouse. Can you check what is going on?",
      "Hello, my order {order} is marked as delivered but there is no parcel at my door or with my neighbours. What should I do?",
      "The box for {order} arrived today but the {product} inside is dented and one part is cracked. I have photos if needed.",
      "I just realised I will be away next week. Is it still possible to send {order} to my office address instead?",
    ],
    agent: [
      "Thanks for reaching out, {first}. I have opened an investigation with the carrier for {order}; they usually answer within 24 hours.",
      "I'm sorry about that! I've arranged a replacement {product} to ship today with express delivery, no charge. You'll get a new tracking link by email.",
      "The carrier confirms the parcel is at their local depot. It should be out for delivery tomorrow morning.",
      "I've updated the delivery address for {order}. The change can take a few hours to show on the tracking page.",
      "Could you send us a photo of the damage and of the shipping label? That lets us file the claim with the carrier.",
    ],
    customer: [
      "Thanks, I'll keep an eye on it.", "Here are the photos of the box and the label.",
      "It still hasn't arrived, any news?", "Got it today, thanks for the quick help!",
      "Is there anything else you need from me?",
    ],
    notes: [
      "Carrier claim #CL-{num} filed. Follow up Friday if no answer.",
      "Third late delivery in this postcode this month; flagged to logistics.",
      "Replacement approved under the damaged-in-transit policy.",
    ],
  },
  {
    category: "billing",
    usesOrder: true,
    subjects: [
      "Charged twice for order {order}", "Refund for returned {product} not received",
      "Need a VAT invoice for {order}", "Promo code was not applied at checkout",
      "Why was my card declined?", "Question about the restocking fee",
    ],
    openings: [
      "Hi, my bank statement shows two charges for order {order}. Can you refund the duplicate?",
      "I returned the {product} three weeks ago and still have not received my refund. The return was marked as received on your side.",
      "Could you send me an invoice with our VAT number for {order}? Our accounting needs it by the end of the month.",
      "I entered the code SPRING15 at checkout but the discount doesn't appear on my receipt for {order}.",
    ],
    agent: [
      "I can see the duplicate authorisation. The second charge was voided on our side; your bank should release it within 3-5 business days.",
      "I've issued the refund for the {product} today. It can take up to 5 business days to appear on your statement.",
      "The VAT invoice for {order} is attached to this reply. Let me know if the company details need changing.",
      "You're right, the code should have applied. I've refunded the 15% difference to your original payment method.",
    ],
    customer: [
      "Thank you, that's a relief.", "I still don't see it on my statement.",
      "Could you add our company name to the invoice too?", "Perfect, all sorted.",
    ],
    notes: [
      "Refund of ${amount} issued via payment gateway, ref RF-{num}.",
      "Customer is on the wholesale plan: restocking fee should be waived.",
      "Escalated to Finance for the manual VAT invoice.",
    ],
  },
  {
    category: "technical",
    subjects: [
      "{product} stopped working after two weeks", "Error E4 on the {product}", "App won't pair with my {product}",
      "{product} makes a loud grinding noise", "Firmware update failed", "Warranty claim for {product}",
    ],
    openings: [
      "My {product} worked fine for two weeks and now it won't turn on at all. I've tried a different socket.",
      "The display of my {product} shows E4 and then switches off. The manual doesn't mention this error.",
      "The companion app finds the {product} but pairing fails at the last step every time.",
      "Since yesterday the {product} makes a grinding noise on every setting. Is this covered by the warranty?",
    ],
    agent: [
      "Sorry to hear that! Could you try a reset: hold the power button for 10 seconds with the unit unplugged, then plug it back in?",
      "E4 means the temperature sensor reports an error. Please send us the serial number from the bottom of the unit so we can check the batch.",
      "Please update the app to the latest version and turn Bluetooth off and on again before pairing; that fixes most pairing failures.",
      "This is covered by the 2-year warranty. I've created a return label; we'll send a replacement as soon as the unit is scanned by the carrier.",
    ],
    customer: [
      "The reset didn't help, unfortunately.", "The serial number is NW-{num}.",
      "That worked! Thank you so much.", "I attached a log from the app.", "When will the replacement ship?",
    ],
    notes: [
      "Known issue with batch 23-07 heating elements; see the Tech wiki.",
      "Asked engineering whether firmware 2.4.1 fixes the pairing bug.",
      "RMA #RMA-{num} created.",
    ],
  },
  {
    category: "account",
    subjects: [
      "Can't log in to my account", "Please delete my account", "Change the email on my account",
      "Password reset email never arrives", "Two accounts with the same name",
    ],
    openings: [
      "I've tried resetting my password twice but the email never arrives. I checked the spam folder.",
      "Please close my account and delete my personal data.",
      "I'd like to change the email address on my account to my work address.",
    ],
    agent: [
      "I've resent the reset link and whitelisted your address on our side; it should arrive within a few minutes.",
      "Your deletion request is confirmed. The account and personal data will be removed within 30 days, as our privacy policy describes.",
      "Done: your account now uses the new email. You'll need to sign in again on your devices.",
    ],
    customer: ["Got it, I'm in now. Thanks!", "Still nothing in my inbox.", "Thanks for handling this."],
    notes: ["Identity verified via last order number.", "GDPR erasure request logged for the DPO."],
  },
  {
    category: "sales",
    subjects: [
      "Bulk order for our restaurant", "Do you offer business pricing?", "Quote for 40 {product}s",
      "Is the {product} back in stock soon?", "Gift cards for our team",
    ],
    openings: [
      "We're opening a second location and need around 40 {product}s. Do you offer volume pricing?",
      "Do you have a business account with invoicing on 30-day terms?",
      "When will the {product} be back in stock? I'd like to order two.",
    ],
    agent: [
      "Thanks for your interest! For 40 units we can offer 18% off list price plus free delivery. I'll send a formal quote today.",
      "Yes, business accounts get 30-day invoicing after a quick credit check. I've sent you the application form.",
      "The next shipment arrives on the 14th. I can reserve two units for you if you like.",
    ],
    customer: ["Great, please send the quote.", "Could you do 20% if we order 60?", "Yes please reserve them."],
    notes: ["Potential key account: loop in Marco.", "Quote Q-{num} sent, valid 30 days."],
  },
  {
    category: "general",
    subjects: ["Question about your return policy", "Feedback on the new website", "Do you ship to Norway?", "Recipe booklet missing"],
    openings: [
      "How long do I have to return an item I haven't opened?",
      "Just wanted to say the new checkout is much faster, nice work. One thing: the search doesn't find 'cast iron'.",
      "Do you ship to Norway, and are customs fees included?",
    ],
    agent: [
      "You have 60 days to return unopened items, and 30 days for opened ones. Returns are free within the EU.",
      "Thank you for the kind words and the tip! I've passed the search issue to our web team.",
      "We do ship to Norway; duties are included in the price shown at checkout, so nothing extra on delivery.",
    ],
    customer: ["Thanks for the quick answer!", "Great, I'll place my order then."],
    notes: ["Forwarded the search feedback to the web team."],
  },
];

/**
 * The AI summary of a demo ticket is written from that ticket (its customer, subject, category
 * and where it stands), so it always describes the ticket it sits on. {first} {product} {subject}.
 */
export const AI_SUMMARY_TOPIC: Record<Category, string> = {
  shipping: "{first} reports a delivery problem with their {product} order",
  billing: "{first} has a billing question about their {product} purchase",
  technical: "{first} reports a fault with their {product}",
  account: "{first} cannot use their account as expected",
  sales: "{first} is asking about buying {product}",
  general: "{first} has a general question",
};

export const AI_SUMMARY_STATE: Record<string, string> = {
  new: "Nobody has answered yet. Suggested next step: acknowledge and confirm the details.",
  assigned: "Assigned, no agent reply yet. Suggested next step: first response with the facts from the order.",
  in_progress: "An agent is working on it. Suggested next step: confirm the fix or remedy with the customer.",
  pending: "Waiting for the customer's answer to the agent's question.",
  resolved: "Resolved; the customer was given a fix or remedy.",
  closed: "Closed after it was resolved.",
};

/** A 1x1 PNG (a real image, so the upload type check accepts it). */
export const TINY_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);
