import { setDomainEventSubscribers } from "@/lib/domain/events/domain-events";
import { followUpSubscriber } from "@/lib/inbound/follow-up";
import { inboundSubscriber } from "@/lib/inbound/subscriber";
import { notificationSubscriber } from "@/lib/notifications/subscriber";

/**
 * The composition root: wires the domain's events to their subscribers. Every entry point
 * that writes (route handlers through lib/api/handler.ts, server actions and pages through
 * lib/auth/session.ts, scripts, tests) imports this module once; the domain refuses to write
 * an event when nothing was wired (see emit()).
 */
setDomainEventSubscribers([notificationSubscriber, inboundSubscriber, followUpSubscriber]);
