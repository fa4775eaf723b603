/*
 * The CRM contact of someone who writes in: the domain's (lib/domain/users/ensure-customer.ts),
 * shared with the public ticket form.
 */
export { companyIdForDomain, emailDomain, ensureCustomerContact as ensureSenderContact } from "@/lib/domain/users/ensure-customer";
