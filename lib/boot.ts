import { setDomainEventSubscribers } from "@/lib/domain/events/domain-events";
import { followUpSubscriber } from "@/lib/inbound/follow-up";
import { inboundSubscriber } from "@/lib/inbound/subscriber";
import { notificationSubscriber } from "@/lib/notifications/subscriber";
import { realtimeSubscriber } from "@/lib/realtime/subscriber";

/**
 * The composition root: wires the domain's events to their subscribers. Every entry point
 * that writes (route handlers through lib/api/handler.ts, server actions and pages through
 * lib/auth/session.ts, scripts, tests) imports this module once; the domain refuses to write
 * an event when nothing was wired (see emit()). The realtime subscriber appends to the replay
 * log and NOTIFYs open streams, in the same transaction (see docs/realtime.md).
 */
setDomainEventSubscribers([notificationSubscriber, inboundSubscriber, followUpSubscriber, realtimeSubscriber]);
