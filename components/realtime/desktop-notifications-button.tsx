"use client";

import { useEffect, useState } from "react";

type State = "unsupported" | NotificationPermission;

/**
 * Asks the browser for notification permission, and only when the agent clicks: browsers
 * ignore or block prompts that no user gesture started.
 */
export function DesktopNotificationsButton() {
  const [state, setState] = useState<State>("unsupported");
  useEffect(() => setState(typeof Notification === "undefined" ? "unsupported" : Notification.permission), []);
  if (state === "unsupported") return <p className="text-sm text-slate-500">This browser cannot show desktop notifications.</p>;
  if (state === "granted") return <p className="text-sm text-slate-600">Desktop notifications are on for customer replies while this tab is hidden.</p>;
  if (state === "denied") return <p className="text-sm text-slate-600">Desktop notifications are blocked in this browser&apos;s site settings.</p>;
  return (
    <button
      type="button"
      className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50"
      onClick={() => void Notification.requestPermission().then(setState)}
    >
      Enable desktop notifications
    </button>
  );
}
